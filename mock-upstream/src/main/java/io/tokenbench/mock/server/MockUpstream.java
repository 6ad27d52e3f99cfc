package io.tokenbench.mock.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.tokenbench.mock.tls.TlsConfig;
import io.tokenbench.mock.tls.TlsServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running mock upstream. Start one with {@link #start(MockConfig)}; {@link #close()} stops
 * accepting, lets requests in flight finish for up to {@code shutdownGrace}, then cuts what is left
 * and stops the event loops.
 *
 * <pre>
 * try (MockUpstream mock = MockUpstream.start(MockConfig.defaults().withPort(0))) {
 *     String base = mock.baseUrl() + "/v1";   // http://127.0.0.1:PORT/v1
 * }
 * </pre>
 */
public final class MockUpstream implements AutoCloseable {

    private final ServerContext server;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final int port;
    private final Optional<TlsServer> tls;
    private final Transport transport;
    private volatile boolean closed;

    private MockUpstream(
            ServerContext server,
            EventLoopGroup group,
            Channel serverChannel,
            ChannelGroup connections,
            Optional<TlsServer> tls,
            Transport transport) {
        this.server = server;
        this.transport = transport;
        this.tls = tls;
        this.group = group;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Binds and starts serving; throws {@link IllegalStateException} when the address cannot be
     * bound.
     */
    public static MockUpstream start(MockConfig config) {
        return start(config, Optional.empty());
    }

    /**
     * Binds and serves HTTPS: generates the certificates and writes the PEM files {@code tls} names
     * (an {@link IllegalArgumentException} names a file that cannot be read or written).
     */
    public static MockUpstream start(MockConfig config, TlsConfig tls) {
        return start(config, Optional.of(TlsServer.create(tls, config.host())));
    }

    private static MockUpstream start(MockConfig config, Optional<TlsServer> tls) {
        ServerContext server = new ServerContext(config);
        Transport transport = config.transport().resolve();
        server.stats.transportInUse(transport.wireName());
        EventLoopGroup group = transport.newGroup(config.ioThreads());
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        MockServerInitializer plain = new MockServerInitializer(server, connections);
        ChannelInitializer<SocketChannel> initializer =
                tls.isEmpty() ? plain : new TlsInitializer(tls.get().sslContext(), plain);
        try {
            Channel channel =
                    new ServerBootstrap()
                            .group(group)
                            .channel(transport.serverChannel())
                            .option(ChannelOption.SO_BACKLOG, 4096)
                            // The pooled allocator: in profiles of the streaming path, Netty 4.2's
                            // default adaptive
                            // allocator was the largest single cost of an emission.
                            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                            .childOption(ChannelOption.TCP_NODELAY, true)
                            .childHandler(initializer)
                            .bind(config.host(), config.port())
                            .syncUninterruptibly()
                            .channel();
            return new MockUpstream(server, group, channel, connections, tls, transport);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException(
                    "cannot listen on "
                            + config.host()
                            + ":"
                            + config.port()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The transport serving (never {@link Transport#AUTO}). */
    public Transport transport() {
        return transport;
    }

    /** The server socket's channel class (package-private: for tests). */
    Class<?> serverChannelClass() {
        return serverChannel.getClass();
    }

    public int port() {
        return port;
    }

    /** {@code http://HOST:PORT} ({@code https} with TLS), without {@code /v1}. */
    public String baseUrl() {
        String host = server.config.host();
        return (tls.isPresent() ? "https://" : "http://")
                + (host.contains(":") ? "[" + host + "]" : host)
                + ":"
                + port;
    }

    /** With TLS: the PEM file of the CA certificate clients trust ({@code --ca-cert}). */
    public Optional<Path> caCertificateFile() {
        return tls.map(TlsServer::caCertificateFile);
    }

    public String adminToken() {
        return server.config.adminToken();
    }

    public MockConfig config() {
        return server.config;
    }

    /** The shared server state (package-private: for tests). */
    ServerContext server() {
        return server;
    }

    /** Requests admitted and not yet settled. */
    public int inFlight() {
        return server.stats.inFlight();
    }

    /** Stops with the configured shutdown grace. Idempotent. */
    @Override
    public void close() {
        close(server.config.shutdownGrace());
    }

    /**
     * Stops accepting, waits up to {@code grace} for requests in flight, then closes everything.
     */
    public synchronized void close(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        try {
            server.stats.whenIdle().get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // grace is over: what is still running is cut below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: the idle signal never fails", e);
        }
        connections.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
