package io.tokenbench.benchmarks.mockload;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.tokenbench.options.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streaming soak against a running mock: holds {@code --streams} concurrent SSE streams (one
 * keep-alive connection each, a new stream as soon as one ends; lengths per {@link StreamLengths})
 * with {@code --itl-ms} between tokens, resets the mock's statistics after the warm-up, and after
 * the window prints the mock's own scheduling lag from {@code GET /admin/stats} plus the client's
 * event rate. Run by benchmarks/scripts/mock-stream-soak.sh; a measurement tool, not a test.
 */
public final class StreamSoak {

    private StreamSoak() {}

    public static void main(String[] args) {
        System.exit(SoakCommand.commandLine(new SoakCommand()).execute(args));
    }

    /** Runs the soak; returns the exit code. */
    static int run(SoakOptions options, PrintWriter out, PrintWriter err) throws Exception {
        EventLoopGroup group = options.transport().newGroup(1);
        err.println(
                "stream-soak: client transport "
                        + options.transport().wireName()
                        + "; stream lengths "
                        + options.lengths().wireName()
                        + ", mean "
                        + options.tokens()
                        + " tokens");
        StreamConnection.Counters counters = new StreamConnection.Counters();
        String host = options.baseUrl().getHost();
        int port = options.baseUrl().getPort();
        AtomicLong connectionSeeds = new AtomicLong();
        Bootstrap bootstrap =
                new Bootstrap()
                        .group(group)
                        .channel(options.transport().socketChannel())
                        .option(ChannelOption.TCP_NODELAY, true)
                        .handler(
                                new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel ch) {
                                        ch.pipeline()
                                                .addLast(
                                                        new HttpClientCodec(),
                                                        new StreamConnection(
                                                                host,
                                                                options,
                                                                counters,
                                                                connectionSeeds.getAndIncrement()));
                                    }
                                });
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // The ramp is paced on the client's event loop: each connect is scheduled at its due time.
        CountDownLatch rampDone = new CountDownLatch(options.streams());
        for (int i = 0; i < options.streams(); i++) {
            long dueNanos = (long) (i * 1e9 / options.connectPerSec());
            group.schedule(
                    () ->
                            bootstrap
                                    .connect(host, port)
                                    .addListener(
                                            f -> {
                                                (f.isSuccess() ? connected : failed)
                                                        .incrementAndGet();
                                                rampDone.countDown();
                                            }),
                    dueNanos,
                    TimeUnit.NANOSECONDS);
        }
        rampDone.await();
        err.printf(
                "stream-soak: ramp done: %d connected, %d failed%n", connected.get(), failed.get());
        // The window's two ends run on a timer thread (blocking admin calls stay off the client's
        // event loop);
        // the main thread only waits for them.
        AdminStats admin = new AdminStats(options.baseUrl(), options.adminToken());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        WindowStart window =
                timer.schedule(
                                () ->
                                        new WindowStart(
                                                admin.reset(),
                                                counters.events().sum(),
                                                System.nanoTime()),
                                options.warmup().toNanos(),
                                TimeUnit.NANOSECONDS)
                        .get();
        String stats =
                timer.schedule(admin::get, options.duration().toNanos(), TimeUnit.NANOSECONDS)
                        .get();
        timer.shutdown();
        String atReset = window.statsAtReset();
        double seconds = (System.nanoTime() - window.startNanos()) / 1e9;
        long events = counters.events().sum() - window.events();
        out.printf(
                "client: %d streams requested, %d connected, %d failed, %d errors; since start %d streams"
                        + " completed, %d of them short%n",
                options.streams(),
                connected.get(),
                failed.get(),
                counters.errors().sum(),
                counters.streamsCompleted().sum(),
                counters.shortStreams().sum());
        out.printf(
                "client: %.0f events/s over %.1f s (expected about %.0f/s)%n",
                events / seconds, seconds, options.streams() * 1000.0 / options.itlMillis());
        out.println("mock /admin/stats at reset: " + atReset);
        out.println("mock /admin/stats: " + stats);
        out.flush();
        group.shutdownGracefully();
        return ExitCode.PASS;
    }

    /**
     * The start of the measured window: the statistics at their reset, the client's event count,
     * the time.
     */
    private record WindowStart(String statsAtReset, long events, long startNanos) {}

    /** The mock's admin statistics over plain JDK HTTP. */
    private record AdminStats(URI baseUrl, String token) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        String reset() throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(baseUrl.resolve("/admin/stats")).DELETE());
        }

        String get() throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(baseUrl.resolve("/admin/stats")).GET());
        }

        private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response =
                    HTTP.send(
                            request.header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("admin stats: HTTP " + response.statusCode());
            }
            return response.body();
        }
    }
}
