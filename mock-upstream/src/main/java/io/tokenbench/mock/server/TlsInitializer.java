package io.tokenbench.mock.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import javax.net.ssl.SSLException;

/**
 * The pipeline of an HTTPS connection: the TLS handler first, then the plain pipeline of {@link
 * MockServerInitializer} above it (streams' pre-framed chunks written below the HTTP codec still
 * pass through TLS). A failed handshake (no or an untrusted client certificate, a client that does
 * not trust the CA) closes the connection quietly: it is the client's outcome, not the mock's.
 */
final class TlsInitializer extends ChannelInitializer<SocketChannel> {

    private final SslContext sslContext;
    private final MockServerInitializer plain;

    TlsInitializer(SslContext sslContext, MockServerInitializer plain) {
        this.sslContext = sslContext;
        this.plain = plain;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline().addLast("tls", sslContext.newHandler(channel.alloc()));
        channel.pipeline().addLast("tls-failures", new QuietHandshakeFailures());
        channel.pipeline().addLast(plain);
    }

    /** Closes the connection on a TLS failure instead of reporting it as a mock error. */
    private static final class QuietHandshakeFailures extends ChannelInboundHandlerAdapter {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof SSLException
                    || (cause instanceof DecoderException
                            && cause.getCause() instanceof SSLException)) {
                ctx.close();
                return;
            }
            ctx.fireExceptionCaught(cause);
        }
    }
}
