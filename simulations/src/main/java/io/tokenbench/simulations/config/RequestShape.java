package io.tokenbench.simulations.config;

/**
 * How each request is built: the API, the user's headers and body additions.
 *
 * @param api chat, completions or responses
 * @param headers extra headers, per lane
 * @param body template, fields and output length per request
 */
public record RequestShape(Api api, RequestHeaders headers, BodyShape body) {
    public static final RequestShape DEFAULT =
            new RequestShape(Api.CHAT, RequestHeaders.NONE, BodyShape.DEFAULT);
}
