package io.tokenbench.benchmarks.mockload;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The machine's scheduling floor: {@code TASKS} periodic tasks on one idle Netty event loop, each
 * due every {@code PERIOD_MS}, recording actual - intended run time exactly as the mock records its
 * scheduling lag, but with no sockets and no work. Whatever lag this shows (timer slack, a virtual
 * CPU's timer exits, the host stealing the core) no emission of the mock can beat on this machine.
 *
 * <p>Usage: {@code TimerJitter TASKS PERIOD_MS WARMUP_SECONDS SECONDS [BUSY_MICROS]}; records only
 * after the warm-up (JIT), then prints one line with the percentiles in µs. {@code BUSY_MICROS}
 * (default 0) spins that long in every run, to load the event loop with the CPU the mock spends per
 * emission but without sockets.
 */
public final class TimerJitter {

    private TimerJitter() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4 && args.length != 5) {
            System.err.println(
                    "usage: TimerJitter TASKS PERIOD_MS WARMUP_SECONDS SECONDS [BUSY_MICROS]");
            System.exit(2);
        }
        int tasks = Integer.parseInt(args[0]);
        long periodNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[1]));
        long recordFromNanos =
                System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        long endNanos = recordFromNanos + TimeUnit.SECONDS.toNanos(Long.parseLong(args[3]));
        long busyNanos =
                args.length == 5 ? TimeUnit.MICROSECONDS.toNanos(Long.parseLong(args[4])) : 0;
        EventLoopGroup group =
                new MultiThreadIoEventLoopGroup(
                        1,
                        Epoll.isAvailable()
                                ? EpollIoHandler.newFactory()
                                : NioIoHandler.newFactory());
        EventLoop loop = group.next();
        Histogram lagMicros = new Histogram(3);
        CountDownLatch finished = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            long firstDueNanos = System.nanoTime() + periodNanos * i / tasks;
            loop.execute(
                    new Periodic(
                            loop,
                            firstDueNanos,
                            periodNanos,
                            busyNanos,
                            recordFromNanos,
                            endNanos,
                            lagMicros,
                            finished));
        }
        // The loop's own time on a CPU and waiting for one (run queue), over the recorded window.
        long[] schedAtStart = new long[2];
        long[] schedAtEnd = new long[2];
        loop.schedule(
                () -> readSchedStat(schedAtStart),
                Math.max(0, recordFromNanos - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        loop.schedule(
                () -> readSchedStat(schedAtEnd),
                Math.max(0, endNanos - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        finished.await();
        group.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        System.out.printf(
                "timer floor, %d timers every %d ms (%,.0f/s) on an event loop busy %d us per run:"
                        + " lag (us) p50 %d  p90 %d  p99 %d  p99.9 %d  max %d  over %,d runs%s%n",
                tasks,
                TimeUnit.NANOSECONDS.toMillis(periodNanos),
                tasks * 1e9 / periodNanos,
                TimeUnit.NANOSECONDS.toMicros(busyNanos),
                lagMicros.getValueAtPercentile(50),
                lagMicros.getValueAtPercentile(90),
                lagMicros.getValueAtPercentile(99),
                lagMicros.getValueAtPercentile(99.9),
                lagMicros.getMaxValue(),
                lagMicros.getTotalCount(),
                schedAtEnd[0] == 0
                        ? ""
                        : String.format(
                                "; event loop on a CPU %.2f s, runnable but waiting for a CPU %.2f s",
                                (schedAtEnd[0] - schedAtStart[0]) / 1e9,
                                (schedAtEnd[1] - schedAtStart[1]) / 1e9));
    }

    /**
     * The calling thread's time on a CPU and time runnable but waiting for one, in nanoseconds
     * ({@code /proc/thread-self/schedstat}); left at 0 where there is none.
     */
    private static void readSchedStat(long[] into) {
        try {
            String[] fields =
                    Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ");
            into[0] = Long.parseLong(fields[0]);
            into[1] = Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            into[0] = 0; // not Linux, or no schedstat: the line says nothing about it
        }
    }

    /**
     * One timer: runs, records its lag, and schedules itself at the next absolute due time (no
     * drift).
     */
    private static final class Periodic implements Runnable {
        private final EventLoop loop;
        private final long periodNanos;
        private final long busyNanos;
        private final long recordFromNanos;
        private final long endNanos;
        private final Histogram lagMicros;
        private final CountDownLatch finished;
        private long dueNanos;

        Periodic(
                EventLoop loop,
                long firstDueNanos,
                long periodNanos,
                long busyNanos,
                long recordFromNanos,
                long endNanos,
                Histogram lagMicros,
                CountDownLatch finished) {
            this.loop = loop;
            this.dueNanos = firstDueNanos;
            this.periodNanos = periodNanos;
            this.busyNanos = busyNanos;
            this.recordFromNanos = recordFromNanos;
            this.endNanos = endNanos;
            this.lagMicros = lagMicros;
            this.finished = finished;
        }

        @Override
        public void run() {
            if (dueNanos >= recordFromNanos) {
                lagMicros.recordValue(Math.max(0, System.nanoTime() - dueNanos) / 1000);
            }
            long busyUntilNanos = System.nanoTime() + busyNanos;
            while (System.nanoTime() < busyUntilNanos) {
                Thread.onSpinWait();
            }
            dueNanos += periodNanos;
            if (dueNanos > endNanos) {
                finished.countDown();
                return;
            }
            loop.schedule(this, Math.max(0, dueNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }
}
