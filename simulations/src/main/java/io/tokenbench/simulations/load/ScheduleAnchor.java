package io.tokenbench.simulations.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code System.nanoTime()} at which schedule offset 0 falls, shared by every lane of a run so
 * that all lanes (gateway and upstream, or the variants of a comparison) follow one schedule. Fixed
 * once: by the run when its clock starts ({@link #fixAt}), or else by the first caller of {@link
 * #nanos()} at "now + {@link Pacer#LEAD_NANOS}". Thread-safe.
 */
public final class ScheduleAnchor {
    private static final long UNSET = Long.MIN_VALUE;
    private final AtomicLong nanos = new AtomicLong(UNSET);

    /**
     * Fixes the anchor at {@code anchorNanos} unless it is already fixed; returns the anchor in
     * force.
     */
    public long fixAt(long anchorNanos) {
        nanos.compareAndSet(UNSET, anchorNanos);
        return nanos.get();
    }

    /** The anchor, fixing it now (plus the lead) if nobody has. */
    public long nanos() {
        long a = nanos.get();
        return a != UNSET ? a : fixAt(System.nanoTime() + Pacer.LEAD_NANOS);
    }
}
