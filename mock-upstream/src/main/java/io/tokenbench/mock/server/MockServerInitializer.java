package io.tokenbench.mock.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The pipeline of one connection, top to bottom. */
final class MockServerInitializer extends ChannelInitializer<SocketChannel> {

    /** Name of the marker handler below the HTTP codec. */
    static final String WIRE = "wire";

    private static final int MAX_INITIAL_LINE_BYTES = 8192;
    private static final int MAX_CHUNK_BYTES = 64 * 1024;
    private final ServerContext server;
    private final ChatCompletions chat;
    private final ModelsEndpoint models;
    private final ChannelGroup connections;

    /**
     * @param connections where connections are registered for shutdown
     */
    MockServerInitializer(ServerContext server, ChannelGroup connections) {
        this.server = server;
        this.connections = connections;
        this.chat = new ChatCompletions(server);
        this.models = new ModelsEndpoint(server);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        configure(channel.pipeline());
    }

    /** Also used by tests on an {@code EmbeddedChannel}. */
    void configure(ChannelPipeline p) {
        // Below the HTTP codec: streams write pre-framed chunks through this context (see
        // DirectSink).
        p.addLast(WIRE, new ChannelOutboundHandlerAdapter());
        p.addLast(
                "idle",
                new IdleStateHandler(
                        server.config.clientIdleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
        RequestDeadline deadline =
                new RequestDeadline(server.config.requestDeadline().toNanos(), server.stats);
        p.addLast("deadline-bytes", deadline.bytes());
        p.addLast(
                "http",
                new ServerCodec(
                        new HttpDecoderConfig()
                                .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
                                .setMaxHeaderSize(server.config.maxHeaderBytes())
                                .setMaxChunkSize(MAX_CHUNK_BYTES)));
        p.addLast("deadline-requests", deadline.requests());
        p.addLast("whole-body", new WholeBodyFastPath(server.config.maxBodyBytes()));
        p.addLast("aggregate", new BodyLimitAggregator(server));
        p.addLast("exchange", new HttpExchangeHandler(server, chat, models));
    }
}
