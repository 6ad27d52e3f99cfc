package io.tokenbench.benchmarks.target;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the clients send chat completions and how they authenticate.
 *
 * @param baseUrlV1 the OpenAI base URL including {@code /v1}, e.g. {@code http://127.0.0.1:PORT/v1}
 * @param apiKey the Bearer key; never printed ({@link #toString()} hides it)
 * @param model the model id sent in every request
 * @param exactTokens true when every answer must have exactly the requested number of tokens (the
 *     mock); a live model may stop early, so only "at least one" is checked there
 * @param headers extra request headers ({@code --header}, {@code --header-env}), name to value,
 *     sent after the client's own; one named like a client header (e.g. {@code Authorization})
 *     replaces it. Values may be secrets: {@link #toString()} shows the names only
 */
public record Endpoint(
        URI baseUrlV1,
        String apiKey,
        String model,
        boolean exactTokens,
        Map<String, String> headers) {

    /** Without extra headers. */
    public Endpoint(URI baseUrlV1, String apiKey, String model, boolean exactTokens) {
        this(baseUrlV1, apiKey, model, exactTokens, Map.of());
    }

    public Endpoint {
        Objects.requireNonNull(baseUrlV1, "baseUrlV1");
        String scheme = baseUrlV1.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("base URL must be http or https: " + baseUrlV1);
        }
        if (baseUrlV1.getHost() == null) {
            throw new IllegalArgumentException("base URL has no host: " + baseUrlV1);
        }
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** {@code https} or not. */
    public boolean tls() {
        return "https".equals(baseUrlV1.getScheme());
    }

    /** The port, defaulted from the scheme. */
    public int port() {
        int port = baseUrlV1.getPort();
        return port > 0 ? port : tls() ? 443 : 80;
    }

    /** {@code host[:port]} for the Host header. */
    public String hostHeader() {
        return baseUrlV1.getPort() > 0
                ? baseUrlV1.getHost() + ":" + baseUrlV1.getPort()
                : baseUrlV1.getHost();
    }

    /** The request path of chat completions, e.g. {@code /v1/chat/completions}. */
    public String chatPath() {
        String path = baseUrlV1.getRawPath() == null ? "" : baseUrlV1.getRawPath();
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path)
                + "/chat/completions";
    }

    public URI chatUri() {
        return baseUrlV1.resolve(chatPath());
    }

    /** Never prints the key or a header value. */
    @Override
    public String toString() {
        return "Endpoint[baseUrlV1="
                + baseUrlV1
                + ", model="
                + model
                + ", exactTokens="
                + exactTokens
                + ", headers="
                + headers.keySet()
                + "]";
    }
}
