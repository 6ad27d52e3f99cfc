package io.tokenbench.mock.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/** Native epoll where available (Linux x86-64), NIO elsewhere. */
enum Transport {
    EPOLL,
    NIO;

    static Transport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    EventLoopGroup newGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(
                threads, this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
