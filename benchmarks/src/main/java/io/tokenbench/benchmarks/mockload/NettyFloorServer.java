package io.tokenbench.benchmarks.mockload;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.tokenbench.mock.server.Transport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor under the mock in {@code mock-vs-nginx.sh}: a one-event-loop Netty server (the mock's
 * transport choice, {@code Transport}) that answers each complete request with the same pre-encoded
 * bytes the mock sends, doing no HTTP decoding beyond finding where a request ends. What it costs
 * per request is what the kernel and Netty's transport cost; the mock's excess over it is its own
 * HTTP, JSON and response work. A measurement reference, not a server: it understands only {@code
 * Content-Length} bodies.
 *
 * <p>Usage: {@code NettyFloorServer PORT BODY_FILE [TRANSPORT]}; prints {@code listening on
 * http://127.0.0.1:PORT}.
 */
public final class NettyFloorServer {

    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] CONTENT_LENGTH =
            "content-length:".getBytes(StandardCharsets.US_ASCII);

    private NettyFloorServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: NettyFloorServer PORT BODY_FILE [io_uring|epoll|nio|auto]");
            System.exit(2);
        }
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String head =
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                        + body.length
                        + "\r\nx-request-id: req_0123456789abcdef0123456789abcdef\r\n\r\n";
        ByteBuf response =
                Unpooled.unreleasableBuffer(
                        Unpooled.directBuffer()
                                .writeBytes(head.getBytes(StandardCharsets.US_ASCII))
                                .writeBytes(body));
        Transport transport = Transport.parse(args.length == 3 ? args[2] : "auto").resolve();
        System.err.println("floor: transport " + transport.wireName());
        EventLoopGroup group = transport.newGroup(1);
        new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .childHandler(
                        new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel channel) {
                                channel.pipeline().addLast(new Responder(response));
                            }
                        })
                .bind("127.0.0.1", Integer.parseInt(args[0]))
                .sync();
        System.out.println("listening on http://127.0.0.1:" + args[0]);
        System.out.flush();
    }

    /** Cuts the byte stream into requests (head up to CRLFCRLF, then Content-Length bytes). */
    private static final class Responder extends ChannelInboundHandlerAdapter {
        private final ByteBuf response;
        private ByteBuf pending = Unpooled.EMPTY_BUFFER;

        Responder(ByteBuf response) {
            this.response = response;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            ByteBuf buffer = pending.isReadable() ? Unpooled.wrappedBuffer(pending, in) : in;
            int end;
            while ((end = requestEnd(buffer)) >= 0) {
                buffer.readerIndex(end);
                ctx.write(response.duplicate());
            }
            pending = buffer.isReadable() ? Unpooled.copiedBuffer(buffer) : Unpooled.EMPTY_BUFFER;
            buffer.release();
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pending.release();
            pending = Unpooled.EMPTY_BUFFER;
        }

        /** Index just past the first complete request in {@code buffer}, or -1. */
        private static int requestEnd(ByteBuf buffer) {
            int headEnd = indexOf(buffer, HEADER_END, buffer.readerIndex(), buffer.writerIndex());
            if (headEnd < 0) {
                return -1;
            }
            int length = 0;
            int at = indexOf(buffer, CONTENT_LENGTH, buffer.readerIndex(), headEnd);
            if (at >= 0) {
                for (int i = at + CONTENT_LENGTH.length; i < headEnd; i++) {
                    byte b = buffer.getByte(i);
                    if (b >= '0' && b <= '9') {
                        length = length * 10 + (b - '0');
                    } else if (b != ' ') {
                        break;
                    }
                }
            }
            int end = headEnd + HEADER_END.length + length;
            return end <= buffer.writerIndex() ? end : -1;
        }

        /** Case-insensitive (ASCII letters) search of {@code needle} in [from, to). */
        private static int indexOf(ByteBuf buffer, byte[] needle, int from, int to) {
            outer:
            for (int i = from; i <= to - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (lower(buffer.getByte(i + j)) != lower(needle[j])) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static int lower(byte b) {
            return b >= 'A' && b <= 'Z' ? b | 0x20 : b;
        }
    }
}
