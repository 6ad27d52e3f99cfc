package io.tokenbench.benchmarks.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.Future;
import io.tokenbench.benchmarks.target.Endpoint;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * A minimal Netty client: one NIO event loop, a pool of HTTP/1.1 keep-alive connections, a
 * pre-encoded body, and the response handed to {@link NettyExchange} (SSE framed on the event loop,
 * no JSON parsing). The calling thread blocks on futures, so each call pays one hand-off from the
 * event loop.
 */
final class NettyChatClient implements ChatClient {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private final Endpoint endpoint;
    private final EventLoopGroup group;
    private final SimpleChannelPool pool;
    private final byte[] completeBody;
    private final byte[] streamBody;
    private final String authorization;

    NettyChatClient(Endpoint endpoint, ChatPrompt prompt) {
        this.endpoint = endpoint;
        this.completeBody = prompt.jsonBody(false);
        this.streamBody = prompt.jsonBody(true);
        this.authorization = "Bearer " + endpoint.apiKey();
        SslContext ssl = endpoint.tls() ? sslContext() : null;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Bootstrap bootstrap =
                new Bootstrap()
                        .group(group)
                        .channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                        .remoteAddress(endpoint.baseUrlV1().getHost(), endpoint.port());
        this.pool =
                new SimpleChannelPool(
                        bootstrap,
                        new AbstractChannelPoolHandler() {
                            @Override
                            public void channelCreated(Channel ch) {
                                if (ssl != null) {
                                    ch.pipeline()
                                            .addLast(
                                                    ssl.newHandler(
                                                            ch.alloc(),
                                                            endpoint.baseUrlV1().getHost(),
                                                            endpoint.port()));
                                }
                                ch.pipeline()
                                        .addLast(new HttpClientCodec(), new NettyExchangeHandler());
                            }
                        });
    }

    private static SslContext sslContext() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot create a TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public long complete() {
        try (NettyExchange exchange = send(false)) {
            return exchange.awaitEnd();
        }
    }

    @Override
    public StreamCall stream() {
        NettyExchange exchange = send(true);
        try {
            exchange.awaitStatus();
            return exchange;
        } catch (ChatFailure e) {
            exchange.close();
            throw e;
        }
    }

    private NettyExchange send(boolean streaming) {
        Future<Channel> acquired = pool.acquire().awaitUninterruptibly();
        if (!acquired.isSuccess()) {
            throw new ChatFailure(
                    "cannot connect to " + endpoint.hostHeader() + ": " + acquired.cause(),
                    acquired.cause());
        }
        Channel channel = acquired.getNow();
        NettyExchangeHandler handler = channel.pipeline().get(NettyExchangeHandler.class);
        NettyExchange exchange =
                new NettyExchange(
                        streaming,
                        channel,
                        () -> {
                            handler.end();
                            pool.release(channel);
                        });
        handler.begin(exchange);
        byte[] body = streaming ? streamBody : completeBody;
        FullHttpRequest request =
                new DefaultFullHttpRequest(
                        HttpVersion.HTTP_1_1,
                        HttpMethod.POST,
                        endpoint.chatPath(),
                        Unpooled.wrappedBuffer(body));
        request.headers()
                .set(HttpHeaderNames.HOST, endpoint.hostHeader())
                .set(HttpHeaderNames.AUTHORIZATION, authorization)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        endpoint.headers().forEach(request.headers()::set); // replaces a header of the same name
        channel.writeAndFlush(request)
                .addListener(
                        written -> {
                            if (!written.isSuccess()) {
                                exchange.fail(
                                        new ChatFailure(
                                                "write failed: " + written.cause(),
                                                written.cause()));
                                channel.close();
                            }
                        });
        return exchange;
    }

    @Override
    public void close() {
        pool.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
