package io.tokenbench.simulations.keys.http;

import java.net.URI;

/** Joins a base URL (with or without a trailing {@code /v1}) and a path. */
final class Endpoints {
    private Endpoints() {}

    /**
     * {@code resolve("http://h:1/v1", "/v1/chat/completions")} and {@code resolve("http://h:1",
     * ...)} agree.
     */
    static URI resolve(URI baseUrl, String path) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - 3);
        }
        return URI.create(base + path);
    }
}
