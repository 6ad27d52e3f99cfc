package io.tokenbench.mock.server;

import static io.netty.handler.codec.http.HttpHeaderNames.CACHE_CONTROL;
import static io.netty.handler.codec.http.HttpHeaderNames.CONTENT_TYPE;
import static io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING;
import static io.netty.handler.codec.http.HttpHeaderValues.CHUNKED;
import static io.netty.handler.codec.http.HttpHeaderValues.NO_CACHE;

import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.openai.ChatRequest;
import io.tokenbench.mock.stream.ChatStream;
import io.tokenbench.mock.stream.StreamEncoder;

/**
 * Starts an SSE response: writes and flushes the head at once ({@code text/event-stream}, {@code
 * no-cache}, chunked, no compression), then lets a {@link ChatStream} produce the events in the
 * API's wire format ({@code encoder}).
 */
final class StreamingResponse {

    private static final AsciiString TEXT_EVENT_STREAM = AsciiString.cached("text/event-stream");
    private static final AsciiString X_ACCEL_BUFFERING = AsciiString.cached("x-accel-buffering");
    private static final AsciiString NO = AsciiString.cached("no");

    private StreamingResponse() {}

    static InFlight start(
            ServerContext server,
            Exchange exchange,
            ChatRequest chat,
            StreamEncoder encoder,
            RequestPlan plan,
            Settler settler) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(CONTENT_TYPE, TEXT_EVENT_STREAM)
                .set(CACHE_CONTROL, NO_CACHE)
                .set(TRANSFER_ENCODING, CHUNKED)
                .set(X_ACCEL_BUFFERING, NO);
        exchange.decorate(head);
        exchange.ctx().writeAndFlush(head).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        server.stats.streamOpened();
        ChatStream stream =
                new ChatStream(
                        exchange.ctx(),
                        exchange.ctx().pipeline().context(MockServerInitializer.WIRE),
                        encoder,
                        chat,
                        plan,
                        exchange.ids(),
                        server.timing(),
                        (end, completionTokens) -> {
                            server.stats.streamClosed();
                            settler.settle(200, end, completionTokens);
                            exchange.complete();
                        });
        stream.start();
        return new InFlight() {
            @Override
            public void cancel() {
                stream.cancel();
            }

            @Override
            public void writabilityChanged() {
                stream.writabilityChanged();
            }
        };
    }
}
