package io.tokenbench.mock.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.tokenbench.mock.behavior.LoadSlowdown;
import io.tokenbench.mock.testing.NoLeaks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An exception inside a scheduled emission: the stream is settled once as an upstream error, the
 * connection closed, and every buffer released (PARANOID leak detection through {@link NoLeaks}).
 */
@ExtendWith(NoLeaks.class)
class PacedWriterFailureTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ChannelInboundHandlerAdapter marker = new ChannelInboundHandlerAdapter();
    private final StreamTiming streamTiming =
            new StreamTiming(LoadSlowdown.NONE, () -> 0, new SchedulingLag(), () -> {});

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    /** Writes one event per step; the third step fills a buffer and then throws. */
    private final class Failing extends PacedWriter {
        final List<String> settlements = new ArrayList<>();
        int step;

        Failing(EventSink sink) {
            super(channel.pipeline().context(marker), sink, streamTiming);
        }

        @Override
        protected void emitDue() {
            ByteBuf out = sink.allocate(64);
            out.writeCharSequence("data: " + step + "\n\n", StandardCharsets.US_ASCII);
            if (++step == 3) {
                sink.write(out); // handed over, then the bug strikes
                throw new IllegalStateException("bug in step 3");
            }
            sink.write(out);
            scheduleAfter(TimeUnit.MILLISECONDS.toNanos(10));
        }

        @Override
        protected boolean isOver() {
            return !settlements.isEmpty();
        }

        @Override
        public void cancel() {
            if (settlements.isEmpty()) {
                settlements.add("client_cancelled");
            }
        }

        @Override
        protected void failed() {
            if (settlements.isEmpty()) {
                settlements.add("upstream_error_mid_response");
            }
        }

        void start() {
            scheduleAt(now());
        }
    }

    private void runFor(long millis) {
        for (int i = 0; i < millis; i++) {
            channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
            channel.runPendingTasks();
        }
    }

    private void drainOutbound() {
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Test
    void anExceptionClosesTheStreamAndSettlesItOnceAsAnUpstreamError() {
        channel.freezeTime();
        channel.pipeline().addLast(marker);
        ChannelHandlerContext ctx = channel.pipeline().context(marker);
        Failing writer = new Failing(new DirectSink(ctx, ctx));
        writer.start();
        runFor(100);
        assertThat(writer.step).isEqualTo(3);
        assertThat(writer.settlements).containsExactly("upstream_error_mid_response");
        assertThat(channel.isOpen()).isFalse();
        writer.cancel(); // the close reports the client gone: no second settlement
        assertThat(writer.settlements).hasSize(1);
        drainOutbound();
    }

    @Test
    void aDripSinkHoldingBytesReleasesThemWhenTheStreamFails() {
        channel.freezeTime();
        channel.pipeline().addLast(marker);
        ChannelHandlerContext ctx = channel.pipeline().context(marker);
        // One byte per 10 s: the sink still holds most of the three events when step 3 fails.
        Failing writer = new Failing(new DripSink(ctx, TimeUnit.SECONDS.toNanos(10)));
        writer.start();
        runFor(100);
        assertThat(writer.settlements).containsExactly("upstream_error_mid_response");
        assertThat(channel.isOpen()).isFalse();
        drainOutbound();
    }
}
