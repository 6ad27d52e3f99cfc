package io.tokenbench.reports.record;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts secrets inside free text (error bodies, header values) before it reaches a run folder:
 * the text-level sibling of {@code model.SecretGuard}, which judges whole parameters. Errs on the
 * side of redacting.
 */
public final class SecretText {

    public static final String REDACTED = "[redacted]";

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[^\\s\"',;]+");
    private static final Pattern SK_KEY = Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}");
    private static final Pattern SECRET_JSON_FIELD =
            Pattern.compile(
                    "(?i)(\"[^\"]{0,64}(?:api[-_.]?key|apikey|secret|passw|authorization|token"
                            + "|credential)[^\"]{0,64}\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern SECRET_QUERY =
            Pattern.compile("(?i)([?&](?:api[-_]?key|key|token|access_token|secret)=)[^&\\s\"]+");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9]{24,}");

    private SecretText() {}

    /**
     * {@code text} with {@link #REDACTED} in place of: every occurrence of a {@code knownSecrets}
     * value (the API keys in use, 4+ characters), {@code Bearer <token>}, {@code sk-...} keys, the
     * string value of JSON fields whose name looks secret ({@code "api_key": "..."}), key-like
     * query parameters, and, when {@code longTokens}, runs of 24+ letters and digits mixing both
     * (off for request-id headers, which look like that and are not secret).
     */
    public static String redact(String text, Collection<String> knownSecrets, boolean longTokens) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, REDACTED);
            }
        }
        String r = Matcher.quoteReplacement(REDACTED);
        out = BEARER.matcher(out).replaceAll("$1 " + r);
        out = SK_KEY.matcher(out).replaceAll(r);
        out = SECRET_JSON_FIELD.matcher(out).replaceAll("$1" + r + "$3");
        out = SECRET_QUERY.matcher(out).replaceAll("$1" + r);
        if (longTokens) {
            Matcher m = LONG_TOKEN.matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(
                        sb, Matcher.quoteReplacement(mixed(m.group()) ? REDACTED : m.group()));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }

    private static boolean mixed(String s) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return letter && digit;
    }
}
