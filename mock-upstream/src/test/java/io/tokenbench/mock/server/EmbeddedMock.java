package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;

/**
 * The mock's real pipeline on an {@link EmbeddedChannel} with frozen time: raw HTTP bytes in, raw
 * response bytes out, scheduled emissions run by advancing the virtual clock.
 */
final class EmbeddedMock implements AutoCloseable {

    static final Instant CREATED = Instant.ofEpochSecond(1_700_000_000L);
    final ServerContext server;
    final EmbeddedChannel channel;

    EmbeddedMock(MockConfig config) {
        this(new ServerContext(config.withClock(InstantSource.fixed(CREATED))));
    }

    private EmbeddedMock(ServerContext server) {
        this.server = server;
        this.channel = new EmbeddedChannel();
        channel.freezeTime();
        new MockServerInitializer(
                        server,
                        new io.netty.channel.group.DefaultChannelGroup(
                                io.netty.util.concurrent.ImmediateEventExecutor.INSTANCE))
                .configure(channel.pipeline());
    }

    /**
     * Another client connection to the same server (its own channel and virtual time; close it
     * too).
     */
    EmbeddedMock anotherConnection() {
        return new EmbeddedMock(server);
    }

    static MockConfig config() {
        return MockConfig.defaults().withPort(0).withAdminToken("admin-test-token");
    }

    /** Writes raw request bytes. */
    EmbeddedMock send(String rawHttp) {
        channel.writeInbound(Unpooled.copiedBuffer(rawHttp, StandardCharsets.UTF_8));
        return this;
    }

    EmbeddedMock send(byte[] rawHttp) {
        channel.writeInbound(Unpooled.wrappedBuffer(rawHttp));
        return this;
    }

    /** Advances the virtual clock and runs what became due. */
    EmbeddedMock advanceMillis(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
        return this;
    }

    /** Everything written to the wire since the last call. */
    String output() {
        StringBuilder out = new StringBuilder();
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) msg;
            out.append(buf.toString(StandardCharsets.UTF_8));
            buf.release();
        }
        return out.toString();
    }

    /**
     * Everything written since the last call, one char per byte (binary bodies keep their length).
     */
    String outputLatin1() {
        StringBuilder out = new StringBuilder();
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            ByteBuf buf = (ByteBuf) msg;
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return out.toString();
    }

    static String post(String path, String body, String... extraHeaders) {
        StringBuilder request =
                new StringBuilder(
                        "POST "
                                + path
                                + " HTTP/1.1\r\nHost: mock\r\n"
                                + "Authorization: Bearer sk-tokenbench-local\r\nContent-Type: application/json\r\n");
        for (String header : extraHeaders) {
            request.append(header).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return request.append("Content-Length: ")
                .append(bytes.length)
                .append("\r\n\r\n")
                .append(body)
                .toString();
    }

    @Override
    public void close() {
        channel.finishAndReleaseAll();
    }
}
