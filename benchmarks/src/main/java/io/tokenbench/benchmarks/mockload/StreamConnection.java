package io.tokenbench.benchmarks.mockload;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One soak connection: sends a streaming chat completion, counts the SSE events that arrive (one
 * event = two newlines), and sends the next request on the same connection when the stream ends.
 */
final class StreamConnection extends SimpleChannelInboundHandler<HttpObject> {

    /**
     * Totals shared by all connections; a short stream ended with fewer events than it should have.
     */
    record Counters(
            LongAdder events,
            LongAdder streamsCompleted,
            LongAdder shortStreams,
            LongAdder errors) {
        Counters() {
            this(new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    private static final byte[] BODY =
            ("{\"model\":\"tokenbench-tiny\",\"stream\":true,\"messages\":"
                            + "[{\"role\":\"user\",\"content\":\"Tell me a long story.\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
    private final String host;
    private final SoakOptions options;
    private final Counters counters;
    private final SplittableRandom lengths;
    private int newlines;
    private long streamEvents;
    private int streamTokens;

    /** {@code seed}: the connection's own, so a soak's stream lengths repeat from run to run. */
    StreamConnection(String host, SoakOptions options, Counters counters, long seed) {
        this.host = host;
        this.options = options;
        this.counters = counters;
        this.lengths = new SplittableRandom(seed);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        send(ctx);
    }

    private void send(ChannelHandlerContext ctx) {
        streamTokens = options.lengths().draw(options.tokens(), lengths);
        FullHttpRequest request =
                new DefaultFullHttpRequest(
                        HttpVersion.HTTP_1_1,
                        HttpMethod.POST,
                        "/v1/chat/completions",
                        Unpooled.wrappedBuffer(BODY));
        request.headers()
                .set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer sk-tokenbench-local")
                .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length)
                .set("x-mock-ttft-ms", "0")
                .set("x-mock-itl-ms", Integer.toString(options.itlMillis()))
                .set("x-mock-output-tokens", Integer.toString(streamTokens));
        ctx.writeAndFlush(request);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (msg instanceof HttpResponse response && response.status().code() != 200) {
            counters.errors().increment();
        }
        if (msg instanceof HttpContent content) {
            ByteBuf buf = content.content();
            newlines += countNewlines(buf);
            counters.events().add(newlines / 2);
            streamEvents += newlines / 2;
            newlines %= 2;
            if (msg instanceof LastHttpContent) {
                counters.streamsCompleted().increment();
                // role + one event per token + finish + [DONE]
                if (streamEvents < streamTokens + 3L) {
                    counters.shortStreams().increment();
                }
                streamEvents = 0;
                send(ctx);
            }
        }
    }

    private static int countNewlines(ByteBuf buf) {
        int count = 0;
        for (int i = buf.readerIndex(); i < buf.writerIndex(); i++) {
            if (buf.getByte(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        counters.errors().increment();
        ctx.close();
    }
}
