package io.tokenbench.simulations.chains;

import io.gatling.http.client.RequestBuilder;
import io.gatling.http.client.body.is.InputStreamRequestBodyBuilder;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.InputStream;

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
                .setBodyBuilder(new InputStreamRequestBodyBuilder(new BytesStream(body)));
    }

    /**
     * The body as a stream without locks. Gatling's wrapper ({@code ConsumableInputStream}, which
     * notes that the body was read) overrides only {@code read()}, so Netty's {@code ChunkedStream}
     * reads the body one byte at a time through it: {@link java.io.ByteArrayInputStream}'s
     * synchronized {@code read()} made that about a tenth of the injector's non-streaming CPU.
     */
    static final class BytesStream extends InputStream {
        private final byte[] bytes;
        private int position;

        BytesStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            // as ByteArrayInputStream: -1 at the end even for length 0
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return bytes.length - position;
        }
    }
}
