package io.tokenbench.simulations.chains;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timeout timer of an exchange on its event loop: armed at send, re-armed by its own check,
 * cancelled when the exchange ends. Without the cancel, every finished exchange stayed in the
 * loop's timer queue (with its trace, listener and session) until its deadline: at 20k requests/s
 * and a 10 s idle timeout that was 200k queued tasks and their traces, kept alive through young
 * collections.
 *
 * <p>Threads: the exchange's event loop only.
 */
final class ExchangeTimer {
    private final EventExecutor loop;
    private ScheduledFuture<?> pending;
    private boolean cancelled;

    ExchangeTimer(EventExecutor loop) {
        this.loop = loop;
    }

    /**
     * Runs {@code check} after {@code delayNanos} (at least 1 ns) unless {@link #cancel} was called
     * first; replaces the pending check, if any (a check re-arms from inside its run).
     */
    void arm(long delayNanos, Runnable check) {
        if (cancelled) {
            return;
        }
        pending = loop.schedule(check, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** The exchange ended: drops the pending check from the loop's queue; later arms do nothing. */
    void cancel() {
        cancelled = true;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
