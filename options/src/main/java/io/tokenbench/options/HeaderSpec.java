package io.tokenbench.options;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One extra request header: {@code --header '[LANE@]Name: value'} (the value on the command line)
 * or {@code --header-env '[LANE@]Name=ENV_VAR'} (a secret value read from the environment when the
 * parameters are built). {@code LANE@} limits the header to one lane ({@code gateway}, {@code
 * upstream}, a model-compare variant); {@code @} cannot occur in a header name (RFC 9110 token), so
 * the prefix is unambiguous.
 *
 * @param lane the lane the header applies to, empty for every lane
 * @param name the header name as given
 * @param value the value; secret ({@link HeaderValue#secret()}) when it came from the environment
 */
public record HeaderSpec(Optional<String> lane, String name, HeaderValue value) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern LITERAL =
            Pattern.compile("(?:([A-Za-z0-9._-]+)@)?([^:@\\s]+)\\s*:\\s?(.*)", Pattern.DOTALL);
    private static final Pattern FROM_ENV =
            Pattern.compile("(?:([A-Za-z0-9._-]+)@)?([^=@\\s]+)=(.*)", Pattern.DOTALL);

    public HeaderSpec {
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a header name");
        }
        if (name.equalsIgnoreCase("content-length")
                || name.equalsIgnoreCase("host")
                || name.equalsIgnoreCase("transfer-encoding")) {
            throw new IllegalArgumentException(
                    name + " is set by the HTTP client and cannot be overridden");
        }
    }

    /** {@code [LANE@]Name: value}; the value is public (it is on the command line anyway). */
    public static HeaderSpec parseLiteral(String text) {
        Matcher m = LITERAL.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not 'Name: value' (or 'LANE@Name: value')");
        }
        String value = m.group(3).strip();
        requireHeaderSafe(value, "the value of " + m.group(2));
        return new HeaderSpec(
                Optional.ofNullable(m.group(1)), m.group(2), HeaderValue.plain(value));
    }

    /**
     * {@code [LANE@]Name=ENV_VAR}: the value is read from {@code env} now; a missing or empty
     * variable throws (the message names the variable, never a value).
     */
    public static HeaderSpec parseFromEnv(String text, Map<String, String> env) {
        Matcher m = FROM_ENV.matcher(text);
        if (!m.matches() || !m.group(3).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not 'Name=ENV_VAR' (or 'LANE@Name=ENV_VAR')");
        }
        String variable = m.group(3);
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "environment variable "
                            + variable
                            + " (for header "
                            + m.group(2)
                            + ") is not set");
        }
        // no value in the message: it is a secret
        requireHeaderSafe(value.strip(), "the variable " + variable);
        return new HeaderSpec(
                Optional.ofNullable(m.group(1)),
                m.group(2),
                HeaderValue.secret(value.strip(), variable));
    }

    /** True when the header goes to lane {@code laneName}. */
    public boolean appliesTo(String laneName) {
        return lane.isEmpty() || lane.get().equals(laneName);
    }

    /** For run.json and the console: the name, the lane, and where the value came from. */
    public String describe() {
        return lane.map(l -> l + "@").orElse("")
                + name
                + (value.isSecret() ? " (from $" + value.variable() + ")" : "");
    }

    private static void requireHeaderSafe(String value, String what) {
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(what + " contains a line break");
        }
    }

    /**
     * A header value; a secret one hides itself from {@link #toString()} (records print their
     * components, and RunParameters is a record).
     *
     * @param text the value sent
     * @param variable the environment variable it came from, empty for a literal value
     */
    public record HeaderValue(String text, String variable) {
        static HeaderValue plain(String text) {
            return new HeaderValue(text, "");
        }

        static HeaderValue secret(String text, String variable) {
            return new HeaderValue(text, variable);
        }

        public boolean isSecret() {
            return !variable.isEmpty();
        }

        @Override
        public String toString() {
            return isSecret() ? "$" + variable + "[redacted]" : text;
        }
    }
}
