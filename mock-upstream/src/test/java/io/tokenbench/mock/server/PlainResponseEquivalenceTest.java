package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.openai.BodyBuffers;
import io.tokenbench.mock.openai.IdSource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A complete response written as pre-encoded bytes ({@link PlainResponse}) is, byte for byte, what
 * the same {@link Exchange#send} writes through Netty's encoder: any status, content type, body,
 * response headers (a 429's {@code retry-after}), gate headers and keep-alive. Where the two would
 * differ (a name repeated in any case, a status without a body) the pre-encoded path declines and
 * the encoder writes the answer, so the bytes are still equal.
 */
class PlainResponseEquivalenceTest {

    /** Names drawn for both maps: distinct ones, case variants, and names the head writes. */
    private static final List<String> NAMES =
            List.of(
                    "retry-after",
                    "retry-after-ms",
                    "x-ratelimit-remaining-requests",
                    "X-RateLimit-Reset-Requests",
                    "x-ratelimit-reset-requests",
                    "X-Oneapi-Request-Id",
                    "x-served-by",
                    "Content-Type",
                    "content-length",
                    "Connection",
                    "X-Request-Id",
                    "transfer-encoding");

    private static final List<HttpResponseStatus> STATUSES =
            List.of(
                    HttpResponseStatus.OK,
                    HttpResponseStatus.CREATED,
                    HttpResponseStatus.NO_CONTENT,
                    HttpResponseStatus.NOT_MODIFIED,
                    HttpResponseStatus.BAD_REQUEST,
                    HttpResponseStatus.UNAUTHORIZED,
                    HttpResponseStatus.PAYMENT_REQUIRED,
                    HttpResponseStatus.NOT_FOUND,
                    HttpResponseStatus.REQUEST_TIMEOUT,
                    HttpResponseStatus.TOO_MANY_REQUESTS,
                    HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    HttpResponseStatus.valueOf(529));

    record Answer(
            HttpResponseStatus status,
            String contentType,
            byte[] body,
            Map<String, String> headers,
            Map<String, String> gateHeaders,
            boolean keepAlive,
            int headroomBytes) {}

    @Provide
    Arbitrary<Answer> answers() {
        Arbitrary<Map<String, String>> headers =
                Arbitraries.maps(
                                Arbitraries.of(NAMES),
                                Arbitraries.strings()
                                        .withCharRange('!', '~')
                                        .withChars(' ')
                                        .ofMinLength(1)
                                        .ofMaxLength(24)
                                        .map(String::strip)
                                        .filter(v -> !v.isEmpty()))
                        .ofMaxSize(4)
                        .map(LinkedHashMap::new);
        return Combinators.combine(
                        Arbitraries.of(STATUSES),
                        Arbitraries.of("application/json", "text/event-stream", "text/plain"),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(600),
                        headers,
                        headers,
                        Arbitraries.of(true, false),
                        Arbitraries.oneOf(
                                Arbitraries.just(0),
                                Arbitraries.just(BodyBuffers.HEADROOM_BYTES),
                                Arbitraries.integers().between(1, 300)))
                .as(Answer::new);
    }

    @Property(tries = 400)
    void thePreEncodedBytesAreTheEncodersBytes(@ForAll("answers") Answer answer) {
        byte[] plain = wire(answer, true);
        byte[] encoder = wire(answer, false);
        assertThat(new String(plain, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(encoder, StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 200)
    void distinctHeadersOnAStatusWithABodyTakeThePreEncodedPath(@ForAll("answers") Answer answer) {
        Map<String, String> own = new LinkedHashMap<>();
        own.put("retry-after", "2");
        own.put("retry-after-ms", "1500");
        Answer rateLimited =
                new Answer(
                        HttpResponseStatus.TOO_MANY_REQUESTS,
                        "application/json",
                        answer.body(),
                        own,
                        Map.of("X-Oneapi-Request-Id", "req_1"),
                        answer.keepAlive(),
                        0);
        EmbeddedChannel channel = channel();
        try {
            ByteBuf body = Unpooled.buffer().writeBytes(rateLimited.body());
            ByteBuf whole =
                    PlainResponse.of(channel.pipeline())
                            .encode(
                                    rateLimited.status(),
                                    rateLimited.contentType(),
                                    body,
                                    rateLimited.headers(),
                                    "req_1",
                                    rateLimited.gateHeaders(),
                                    rateLimited.keepAlive());
            assertThat(whole).as("the 429 with retry headers is pre-encoded").isNotNull();
            assertThat(body.refCnt()).isZero();
            whole.release();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Property(tries = 100)
    void aBodyWrittenWithHeadroomLeavesInItsOwnBufferWithTheHeadInFront(
            @ForAll("answers") Answer answer) {
        EmbeddedChannel channel = channel();
        try {
            ByteBuf body =
                    BodyBuffers.withHeadroom(PooledByteBufAllocator.DEFAULT, answer.body().length)
                            .writeBytes(answer.body());
            ByteBuf whole =
                    PlainResponse.of(channel.pipeline())
                            .encode(
                                    HttpResponseStatus.OK,
                                    "application/json",
                                    body,
                                    Map.of(),
                                    "req_2",
                                    Map.of("X-Oneapi-Request-Id", "req_2"),
                                    answer.keepAlive());
            assertThat(whole).as("no new buffer, no copy of the body").isSameAs(body);
            String wire = whole.toString(StandardCharsets.ISO_8859_1);
            assertThat(wire)
                    .startsWith("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n")
                    .contains("\r\ncontent-length: " + answer.body().length + "\r\n")
                    .endsWith("\r\n\r\n" + new String(answer.body(), StandardCharsets.ISO_8859_1));
            whole.release();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** The bytes {@link Exchange#send} writes for {@code answer}, with or without the writer. */
    private static byte[] wire(Answer answer, boolean preEncoded) {
        EmbeddedChannel channel = channel();
        try {
            ChannelHandlerContext app = channel.pipeline().context("app");
            RequestGate gate = new HeaderGate(answer.gateHeaders());
            Exchange exchange =
                    new Exchange(
                            app,
                            1,
                            new IdSource(42),
                            answer.keepAlive(),
                            gate,
                            preEncoded ? PlainResponse.of(channel.pipeline()) : null,
                            () -> {});
            exchange.send(answer.status(), answer.contentType(), body(answer), answer.headers());
            channel.runPendingTasks();
            ByteBuf all = Unpooled.buffer();
            Object out;
            while ((out = channel.readOutbound()) != null) {
                all.writeBytes((ByteBuf) out);
                ReferenceCountUtil.release(out);
            }
            byte[] bytes = new byte[all.readableBytes()];
            all.readBytes(bytes);
            all.release();
            return bytes;
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** The answer's body, with room in front of it when the answer has headroom. */
    private static ByteBuf body(Answer answer) {
        if (answer.headroomBytes() == 0) {
            return Unpooled.wrappedBuffer(answer.body());
        }
        ByteBuf body =
                PooledByteBufAllocator.DEFAULT.buffer(
                        answer.headroomBytes() + answer.body().length);
        body.setIndex(answer.headroomBytes(), answer.headroomBytes());
        return body.writeBytes(answer.body());
    }

    /** A connection with one request read, so the response has its slot. */
    private static EmbeddedChannel channel() {
        EmbeddedChannel channel = new EmbeddedChannel(new ServerCodec(new HttpDecoderConfig()));
        channel.pipeline().addLast("app", new ChannelInboundHandlerAdapter());
        channel.writeInbound(
                Unpooled.copiedBuffer(
                        "POST /v1/chat/completions HTTP/1.1\r\nHost: mock\r\n"
                                + "Content-Length: 0\r\n\r\n",
                        StandardCharsets.US_ASCII));
        Object in;
        while ((in = channel.readInbound()) != null) {
            ReferenceCountUtil.release(in);
        }
        return channel;
    }
}
