package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * With the fast path in front of the aggregator, a connection sees the same requests (method, URI,
 * headers in order, body bytes, decoder result) and the client the same bytes (100-continue, 413,
 * 417) as with the aggregator alone, however the bytes are split; a body that came whole is not
 * copied into a composite buffer.
 */
class WholeBodyFastPathTest {

    private static final int MAX_BODY = 64;

    @Property(tries = 600)
    void sameRequestsAndAnswersAsTheAggregatorAlone(
            @ForAll("requests") List<String> requests,
            @ForAll @IntRange(min = 1, max = 40) int piece) {
        byte[] wire = String.join("", requests).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(run(wire, piece, true)).isEqualTo(run(wire, piece, false));
    }

    @Example
    void aWholeBodyIsPassedOnAsItCame() {
        EmbeddedChannel channel = channel(true);
        channel.writeInbound(
                Unpooled.copiedBuffer(
                        "POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",
                        StandardCharsets.US_ASCII));
        FullHttpRequest request = channel.readInbound();
        assertThat(request).isExactlyInstanceOf(DefaultFullHttpRequest.class);
        assertThat(request.content().toString(StandardCharsets.US_ASCII)).isEqualTo("{}");
        request.release();
        channel.finishAndReleaseAll();
    }

    /** What the handler after the aggregator sees and what the client is sent, as text. */
    private static List<String> run(byte[] wire, int piece, boolean fastPath) {
        EmbeddedChannel channel = channel(fastPath);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < wire.length && channel.isOpen(); i += piece) {
            channel.writeInbound(Unpooled.wrappedBuffer(wire, i, Math.min(piece, wire.length - i)));
            Object in;
            while ((in = channel.readInbound()) != null) {
                seen.add(describe(in));
                ReferenceCountUtil.release(in);
            }
            Object out;
            while ((out = channel.readOutbound()) != null) {
                seen.add("OUT " + ((ByteBuf) out).toString(StandardCharsets.ISO_8859_1));
                ReferenceCountUtil.release(out);
            }
        }
        try {
            channel.finishAndReleaseAll();
        } catch (RuntimeException e) {
            seen.add("EXCEPTION AT CLOSE " + e.getClass().getSimpleName());
        }
        return seen;
    }

    private static String describe(Object in) {
        if (!(in instanceof FullHttpRequest r)) {
            return "IN " + in.getClass().getSimpleName();
        }
        return "IN "
                + r.method()
                + " "
                + r.uri()
                + " "
                + r.decoderResult()
                + " "
                + r.headers().entries()
                + " "
                + r.trailingHeaders().entries()
                + " "
                + ByteBufUtil.hexDump(r.content());
    }

    private static EmbeddedChannel channel(boolean fastPath) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec());
        if (fastPath) {
            channel.pipeline().addLast(new WholeBodyFastPath(MAX_BODY));
        }
        channel.pipeline().addLast(new HttpObjectAggregator(MAX_BODY));
        return channel;
    }

    @Provide
    Arbitrary<List<String>> requests() {
        Arbitrary<String> body =
                Arbitraries.strings().withChars("{}\"ab:1").ofMinLength(0).ofMaxLength(90);
        Arbitrary<String> request =
                Arbitraries.integers()
                        .between(0, 6)
                        .flatMap(
                                kind ->
                                        body.map(
                                                b ->
                                                        switch (kind) {
                                                            case 0 ->
                                                                    "POST /a HTTP/1.1\r\nContent-Length: "
                                                                            + b.length()
                                                                            + "\r\nX-K: v\r\n\r\n"
                                                                            + b;
                                                            case 1 ->
                                                                    "GET /m?x=1 HTTP/1.1\r\nHost: h\r\n\r\n";
                                                            case 2 ->
                                                                    "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                                            + Integer.toHexString(
                                                                                    b.length())
                                                                            + "\r\n"
                                                                            + b
                                                                            + "\r\n0\r\n\r\n";
                                                            case 3 ->
                                                                    "POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: "
                                                                            + b.length()
                                                                            + "\r\n\r\n"
                                                                            + b;
                                                            case 4 ->
                                                                    "POST /x HTTP/1.1\r\nExpect: nope\r\nContent-Length: 0\r\n\r\n";
                                                            case 5 ->
                                                                    "POST /bad HTTP/1.1\r\nContent-Length: x\r\n\r\n";
                                                            default ->
                                                                    "POST /h HTTP/1.0\r\ncontent-length: "
                                                                            + b.length()
                                                                            + "\r\n\r\n"
                                                                            + b;
                                                        }));
        return request.list().ofMinSize(1).ofMaxSize(4);
    }
}
