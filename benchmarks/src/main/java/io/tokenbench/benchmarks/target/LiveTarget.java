package io.tokenbench.benchmarks.target;

import io.tokenbench.options.HeaderOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The live target's settings, read strictly from system properties (so {@code -jvmArgsAppend}
 * reaches JMH's forked JVMs) and the key from an environment variable (inherited by the forks,
 * never on a command line).
 *
 * <pre>
 *   -Dtokenbench.bench.baseUrl=https://api.powertokens.ai/v1   required for target=LIVE
 *   -Dtokenbench.bench.apiKeyEnv=POWERTOKENS_API_KEY           the variable holding the key (default shown)
 *   -Dtokenbench.bench.model=gpt-4o-mini                       the model (default {@value #DEFAULT_MODEL})
 *   -Dtokenbench.bench.header.0='X-Route: a'                   --header values, numbered from 0
 *   -Dtokenbench.bench.headerEnv.0=X-Key=ENV_VAR               --header-env values: the variable's
 *                                                              name; each fork reads the value
 * </pre>
 */
public final class LiveTarget {

    public static final String BASE_URL_PROPERTY = "tokenbench.bench.baseUrl";
    public static final String API_KEY_ENV_PROPERTY = "tokenbench.bench.apiKeyEnv";
    public static final String MODEL_PROPERTY = "tokenbench.bench.model";
    public static final String DEFAULT_API_KEY_ENV = "POWERTOKENS_API_KEY";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final String HEADER_PROPERTY_PREFIX = "tokenbench.bench.header.";
    public static final String HEADER_ENV_PROPERTY_PREFIX = "tokenbench.bench.headerEnv.";

    private LiveTarget() {}

    /**
     * The model for any target: the property, or the default (a chat model of the mock's catalog
     * too).
     */
    public static String model(Properties properties) {
        String model = properties.getProperty(MODEL_PROPERTY, DEFAULT_MODEL).strip();
        if (model.isEmpty()) {
            throw new IllegalArgumentException(MODEL_PROPERTY + " must not be blank");
        }
        return model;
    }

    /**
     * The live endpoint; {@link IllegalArgumentException} naming the property or variable when
     * something is missing or malformed (the message never holds the key).
     */
    public static Endpoint endpoint(Properties properties, Map<String, String> environment) {
        String url =
                Optional.ofNullable(properties.getProperty(BASE_URL_PROPERTY))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "target LIVE needs -D"
                                                        + BASE_URL_PROPERTY
                                                        + "=https://HOST/v1"));
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    BASE_URL_PROPERTY + " is not a URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException(
                    BASE_URL_PROPERTY + " must be an http(s) URL with a host: " + url);
        }
        String envName = properties.getProperty(API_KEY_ENV_PROPERTY, DEFAULT_API_KEY_ENV).strip();
        String key = environment.get(envName);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    "target LIVE reads the API key from environment variable "
                            + envName
                            + " (set by -D"
                            + API_KEY_ENV_PROPERTY
                            + "), which is not set");
        }
        Map<String, String> headers =
                HeaderOptions.resolveWithoutLanes(
                        numbered(properties, HEADER_PROPERTY_PREFIX),
                        numbered(properties, HEADER_ENV_PROPERTY_PREFIX),
                        environment,
                        "bench");
        return new Endpoint(uri, key.strip(), model(properties), false, headers);
    }

    /** The system properties that pass {@code values} to the forks under {@code prefix}. */
    public static List<String> numberedProperties(String prefix, List<String> values) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add("-D" + prefix + i + "=" + values.get(i));
        }
        return out;
    }

    /** {@code prefix0}, {@code prefix1}, ... up to the first missing index. */
    private static List<String> numbered(Properties properties, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 0; properties.getProperty(prefix + i) != null; i++) {
            out.add(properties.getProperty(prefix + i));
        }
        return out;
    }
}
