package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.record.LiveStats;
import io.tokenbench.simulations.record.RunSink;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints one progress line every few seconds while a plan runs: {@code [ 12s/70s] sent 118 (9.8/s)
 * done 110 ttft p99 212.4 ms errors 0}, summed over lanes (ttft p99 of the first lane). A daemon
 * thread; never touches the run folder.
 */
final class ProgressPrinter implements AutoCloseable {
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "tokenbench-progress");
                        t.setDaemon(true);
                        return t;
                    });
    private final long startNanos = System.nanoTime();

    ProgressPrinter(RunPlan plan, Duration total, Duration every, PrintStream out) {
        timer.scheduleAtFixedRate(
                () -> out.println(line(plan, total)),
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private String line(RunPlan plan, Duration total) {
        long scheduled = 0;
        long finished = 0;
        long failed = 0;
        double ttftP99 = Double.NaN;
        for (RunSink s : plan.openSinks()) {
            LiveStats.Snapshot snap = s.live().snapshot();
            scheduled += snap.scheduled();
            finished += snap.finished();
            failed += snap.failed();
            if (Double.isNaN(ttftP99)) {
                ttftP99 = snap.ttftP99Millis();
            }
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return String.format(
                Locale.ROOT,
                "[%4.0fs/%ds] sent %d (%.1f/s)  done %d  ttft p99 %s  errors %d",
                elapsed,
                total.toSeconds(),
                scheduled,
                scheduled / Math.max(elapsed, 1e-9),
                finished,
                Double.isNaN(ttftP99) ? "-" : String.format(Locale.ROOT, "%.1f ms", ttftP99),
                failed);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
