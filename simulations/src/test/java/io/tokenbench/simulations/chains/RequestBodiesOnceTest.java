package io.tokenbench.simulations.chains;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.http.client.Request;
import io.gatling.http.client.RequestBuilder;
import io.gatling.http.client.body.is.InputStreamRequestBody;
import io.gatling.http.client.uri.Uri;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.stream.ChunkedStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * A body goes out through Gatling's read-once stream body exactly as given, with its
 * Content-Length, and counts as consumed once read (what keeps Gatling's client from re-sending
 * it); the lock-free stream reads like {@link java.io.ByteArrayInputStream}.
 */
class RequestBodiesOnceTest {

    @Test
    void theBodyIsWrittenWholeWithItsLengthAndIsConsumedAfterwards() throws Exception {
        byte[] body = "{\"model\":\"m\",\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        Request request =
                RequestBodies.once(
                                new RequestBuilder(
                                        "chat",
                                        HttpMethod.POST,
                                        Uri.create("http://127.0.0.1:1/v1/chat/completions"),
                                        null),
                                new DefaultHttpHeaders(),
                                body)
                        .build();
        InputStreamRequestBody sent = (InputStreamRequestBody) request.getBody();
        assertThat(request.getHeaders().get(HttpHeaderNames.CONTENT_LENGTH))
                .isEqualTo(Integer.toString(body.length));
        assertThat(sent.isConsumed()).isFalse();

        ChunkedStream chunks = (ChunkedStream) sent.build(ByteBufAllocator.DEFAULT).getContent();
        ByteBuf chunk = chunks.readChunk(ByteBufAllocator.DEFAULT);
        try {
            assertThat(ByteBufUtil.getBytes(chunk)).isEqualTo(body);
        } finally {
            chunk.release();
        }
        assertThat(chunks.isEndOfInput()).isTrue();
        assertThat(sent.isConsumed()).isTrue();
    }

    @Property(tries = 200)
    void readsAsAByteArrayInputStreamDoes(
            @ForAll @Size(max = 64) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 9) int firstSingles,
            @ForAll @IntRange(min = 0, max = 20) int bulk) {
        java.io.ByteArrayInputStream expected = new java.io.ByteArrayInputStream(bytes);
        RequestBodies.BytesStream actual = new RequestBodies.BytesStream(bytes);
        for (int i = 0; i < firstSingles; i++) {
            assertThat(actual.read()).isEqualTo(expected.read());
        }
        assertThat(actual.available()).isEqualTo(expected.available());
        byte[] a = new byte[bulk + 2];
        byte[] e = new byte[bulk + 2];
        assertThat(actual.read(a, 1, bulk)).isEqualTo(expected.read(e, 1, bulk));
        assertThat(a).isEqualTo(e);
        assertThat(actual.read(a, 0, a.length)).isEqualTo(expected.read(e, 0, e.length));
        assertThat(a).isEqualTo(e);
        assertThat(actual.read()).isEqualTo(expected.read());
    }
}
