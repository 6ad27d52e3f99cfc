package io.tokenbench.mock.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Netty transport the mock serves on: io_uring and epoll (native, Linux x86-64) or NIO (every
 * JVM). {@link #AUTO} takes the first available of {@link #AUTO_ORDER}.
 */
public enum Transport {
    AUTO,
    IO_URING,
    EPOLL,
    NIO;

    /**
     * What {@link #AUTO} tries, in order. Epoll first: on this machine io_uring measured within
     * noise of it (benchmarks/README.md, "Transports"), and epoll is the longer-proven native
     * transport.
     */
    public static final List<Transport> AUTO_ORDER = List.of(EPOLL, IO_URING, NIO);

    /** The name on the command line and in {@code /admin/stats}: io_uring, epoll, nio, auto. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #wireName()}; an {@link IllegalArgumentException} lists the names. */
    public static Transport parse(String name) {
        for (Transport transport : values()) {
            if (transport.wireName().equals(name)) {
                return transport;
            }
        }
        throw new IllegalArgumentException(
                "unknown transport '" + name + "' (expected io_uring, epoll, nio or auto)");
    }

    /** Why this transport cannot be used here; empty when it can ({@link #AUTO} always can). */
    public Optional<String> unavailabilityCause() {
        Throwable cause =
                switch (this) {
                    case AUTO, NIO -> null;
                    case EPOLL -> Epoll.isAvailable() ? null : Epoll.unavailabilityCause();
                    case IO_URING -> IoUring.isAvailable() ? null : IoUring.unavailabilityCause();
                };
        if (cause == null) {
            return Optional.empty();
        }
        return Optional.of(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    public boolean isAvailable() {
        return unavailabilityCause().isEmpty();
    }

    /**
     * The concrete transport to serve on: this one, or for {@link #AUTO} the first available of
     * {@link #AUTO_ORDER}. A forced transport that is unavailable is an {@link
     * IllegalStateException} naming it and the reason.
     */
    public Transport resolve() {
        if (this == AUTO) {
            return AUTO_ORDER.stream().filter(Transport::isAvailable).findFirst().orElse(NIO);
        }
        Optional<String> cause = unavailabilityCause();
        if (cause.isPresent()) {
            throw new IllegalStateException(
                    "transport " + wireName() + " is not available here: " + cause.get());
        }
        return this;
    }

    /** A group of {@code threads} event loops of this (resolved) transport. */
    public EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
    }

    IoHandlerFactory ioHandlerFactory() {
        return switch (requireConcrete()) {
            case IO_URING -> IoUringIoHandler.newFactory();
            case EPOLL -> EpollIoHandler.newFactory();
            default -> NioIoHandler.newFactory();
        };
    }

    /** The server channel class of this (resolved) transport. */
    public Class<? extends ServerChannel> serverChannel() {
        return switch (requireConcrete()) {
            case IO_URING -> IoUringServerSocketChannel.class;
            case EPOLL -> EpollServerSocketChannel.class;
            default -> NioServerSocketChannel.class;
        };
    }

    /** The client socket channel class of this (resolved) transport. */
    public Class<? extends SocketChannel> socketChannel() {
        return switch (requireConcrete()) {
            case IO_URING -> IoUringSocketChannel.class;
            case EPOLL -> EpollSocketChannel.class;
            default -> NioSocketChannel.class;
        };
    }

    private Transport requireConcrete() {
        if (this == AUTO) {
            throw new IllegalStateException("resolve() AUTO to a concrete transport first");
        }
        return this;
    }
}
