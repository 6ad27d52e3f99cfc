package io.tokenbench.simulations.chains;

import io.gatling.http.client.RequestBuilder;
import io.gatling.http.client.body.is.InputStreamRequestBodyBuilder;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayInputStream;

/**
 * Request bodies Gatling's HTTP client sends at most once. Gatling 3.15.1 re-sends a request whose
 * pooled keep-alive connection closed before a response head ({@code
 * HttpAppHandler.channelInactive} → {@code DefaultHttpClient.canRetry}), unless its body is an
 * {@code InputStreamRequestBody} that was already read: then the listener gets the failure instead.
 * So bodies go out as a byte-array stream with an explicit {@code Content-Length} (no chunked
 * encoding; the wire bytes are the same as a string body's). A connection that was stale before the
 * body was read is still re-sent by the client, as an SDK would: the request never left.
 */
final class RequestBodies {
    private RequestBodies() {}

    /** Sets {@code body} on {@code builder} as a read-once stream, with its Content-Length. */
    static RequestBuilder once(RequestBuilder builder, HttpHeaders headers, byte[] body) {
        headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return builder.setHeaders(headers)
                .setBodyBuilder(new InputStreamRequestBodyBuilder(new ByteArrayInputStream(body)));
    }
}
