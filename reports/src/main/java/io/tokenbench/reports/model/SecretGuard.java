package io.tokenbench.reports.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps API keys out of run folders: a parameter whose name or value looks like a secret is
 * replaced by {@link #REDACTED}, and its name is listed so the report can say so. Errs on the side
 * of redacting.
 *
 * <p>Names: anything containing api-key, secret, password, authorization, bearer, credential,
 * private-key, access-key or auth-token, except {@code *_env} names whose value is an environment
 * variable name (the variable's name is not a secret; {@code --api-key-env POWERTOKENS_API_KEY}).
 * Values: {@code sk-} keys, {@code Bearer ...}, URLs with user info or key-like query parameters,
 * and runs of 24+ letters and digits mixing both (base64 or hex tokens).
 */
public final class SecretGuard {

    public static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_NAME =
            Pattern.compile(
                    "(?i).*(api[-_.]?key|apikey|secret|passw|authorization|bearer|credential|private[-_.]?key"
                            + "|access[-_.]?key|auth[-_.]?token|session[-_.]?token).*");
    private static final Pattern ENV_NAME_PARAMETER = Pattern.compile("(?i).*[-_.]?env");
    private static final Pattern ENV_VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern SECRET_VALUE =
            Pattern.compile(
                    "(?is).*(\\bsk-[A-Za-z0-9_-]{8,}|\\bbearer\\s+\\S+|://[^/\\s]*:[^/\\s]*@"
                            + "|[?&](api[-_]?key|key|token|access_token|secret)=).*");
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9]{24,}");

    private SecretGuard() {}

    /** Parameters with secrets replaced, and the names that were redacted. */
    public record Sanitized(Map<String, String> parameters, List<String> redactedNames) {}

    public static Sanitized sanitize(Map<String, String> parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> redacted = new ArrayList<>();
        parameters.forEach(
                (name, value) -> {
                    if (looksSecret(name, value)) {
                        out.put(name, REDACTED);
                        redacted.add(name);
                    } else {
                        out.put(name, value);
                    }
                });
        return new Sanitized(Collections.unmodifiableMap(out), List.copyOf(redacted));
    }

    /** True when a parameter must not be written. */
    public static boolean looksSecret(String name, String value) {
        String v = value == null ? "" : value;
        if (SECRET_NAME.matcher(name).matches()
                && !(ENV_NAME_PARAMETER.matcher(name).matches()
                        && ENV_VARIABLE.matcher(v).matches())) {
            return true;
        }
        return looksSecretValue(v);
    }

    /** True for values that look like a key whatever their name. */
    public static boolean looksSecretValue(String value) {
        if (SECRET_VALUE.matcher(value).matches()) {
            return true;
        }
        java.util.regex.Matcher m = LONG_TOKEN.matcher(value);
        while (m.find()) {
            if (hasLetterAndDigit(m.group())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The host (and port) of a base URL, without user info, path or query: what run.json calls the
     * target.
     *
     * @throws IllegalArgumentException for a URL without a host
     */
    public static String targetHost(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a URL: " + (looksSecretValue(baseUrl) ? REDACTED : baseUrl));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "URL has no host: " + (looksSecretValue(baseUrl) ? REDACTED : baseUrl));
        }
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static boolean hasLetterAndDigit(String s) {
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
