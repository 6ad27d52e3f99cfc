package io.tokenbench.simulations.config;

import java.net.URI;

/**
 * Endpoint URLs under a base URL given with or without {@code /v1} (both conventions are common).
 */
public final class Endpoints {
    private Endpoints() {}

    public static URI chatCompletions(URI base) {
        return resolve(base, "chat/completions");
    }

    /**
     * {@code <base>/v1/<path>} ({@code path} without a leading slash, e.g. {@code audio/speech}).
     */
    public static URI resolve(URI base, String path) {
        String s = base.toString().replaceAll("/+$", "");
        return URI.create(s.endsWith("/v1") ? s + "/" + path : s + "/v1/" + path);
    }
}
