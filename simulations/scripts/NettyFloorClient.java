import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor of a JVM HTTP client on this machine, for speed.sh (measures, never asserts): C
 * keep-alive connections, each sends the same POST again as soon as the whole previous response
 * arrived (Netty's HTTP codec and aggregator, epoll when available, one event loop per core like
 * Gatling's), nothing else: no timing, no parsing, no recording.
 *
 * <p>Usage (source-file mode, netty on the class path): {@code java -cp NETTY_JARS
 * NettyFloorClient.java URL BODY_FILE API_KEY CONNECTIONS WARMUP_S DURATION_S}; prints {@code
 * requests/s N non-2xx M total T} (T: every response, the warm-up's included).
 */
public final class NettyFloorClient {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String key = args[2];
        int connections = Integer.parseInt(args[3]);
        long warmupMillis = Long.parseLong(args[4]) * 1000;
        long durationMillis = Long.parseLong(args[5]) * 1000;
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group =
                new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
        ByteBuf content = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body));
        LongAdder ok = new LongAdder();
        LongAdder non2xx = new LongAdder();
        try {
            Bootstrap b =
                    new Bootstrap()
                            .group(group)
                            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                            .option(ChannelOption.TCP_NODELAY, true)
                            .handler(
                                    new ChannelInitializer<SocketChannel>() {
                                        @Override
                                        protected void initChannel(SocketChannel ch) {
                                            ch.pipeline()
                                                    .addLast(new HttpClientCodec())
                                                    .addLast(new HttpObjectAggregator(1 << 20))
                                                    .addLast(
                                                            new Loop(
                                                                    url, content, key, ok, non2xx));
                                        }
                                    });
            List<Channel> channels = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Channel ch = b.connect(url.getHost(), url.getPort()).sync().channel();
                channels.add(ch);
                ch.writeAndFlush(Loop.request(url, content, key));
            }
            Thread.sleep(warmupMillis);
            long ok0 = ok.sum();
            long bad0 = non2xx.sum();
            long t0 = System.nanoTime();
            Thread.sleep(durationMillis);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long done = ok.sum() - ok0;
            long bad = non2xx.sum() - bad0;
            System.out.printf(
                    "requests/s %.1f non-2xx %d total %d%n",
                    (done + bad) / seconds, bad, ok.sum() + non2xx.sum());
            for (Channel ch : channels) {
                ch.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }

    /** Counts each full response and sends the next request on the same connection. */
    private static final class Loop extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final URI url;
        private final ByteBuf content;
        private final String key;
        private final LongAdder ok;
        private final LongAdder non2xx;

        Loop(URI url, ByteBuf content, String key, LongAdder ok, LongAdder non2xx) {
            this.url = url;
            this.content = content;
            this.key = key;
            this.ok = ok;
            this.non2xx = non2xx;
        }

        static FullHttpRequest request(URI url, ByteBuf content, String key) {
            FullHttpRequest r =
                    new DefaultFullHttpRequest(
                            HttpVersion.HTTP_1_1,
                            HttpMethod.POST,
                            url.getRawPath(),
                            content.duplicate());
            r.headers()
                    .set(HttpHeaderNames.HOST, url.getHost() + ":" + url.getPort())
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + key)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            return r;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (response.status().code() / 100 == 2) {
                ok.increment();
            } else {
                non2xx.increment();
            }
            ctx.writeAndFlush(request(url, content, key));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            System.err.println("floor client: " + cause);
            ctx.close();
        }
    }
}
