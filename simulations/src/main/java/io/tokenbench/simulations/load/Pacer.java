package io.tokenbench.simulations.load;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands each started virtual user its intended start (t_sched) from an {@link ArrivalSchedule}.
 * Gatling starts the users of each injection bucket together at the bucket's start, a little before
 * their slots ({@link GatlingInjection}); each user then waits on its event loop until its t_sched
 * and sends. {@code t_send - t_sched} is the load generator's own lateness (dispatch lag).
 *
 * <p>The anchor (t_sched of offset 0) is a {@link ScheduleAnchor} shared by the run's lanes, fixed
 * {@link #LEAD_NANOS} after the run's clock starts so that Gatling's own start-up jitter is
 * absorbed. A user that starts later than its slot anyway is late, and its dispatch lag says so.
 * Thread-safe and lock-free.
 */
public final class Pacer {
    /** How far ahead of its slot a user is started; covers Gatling's scheduling jitter. */
    public static final long LEAD_NANOS = 50_000_000L;

    private final ArrivalSchedule schedule;
    private final ScheduleAnchor anchor;
    private final AtomicInteger next = new AtomicInteger();

    public Pacer(ArrivalSchedule schedule, ScheduleAnchor anchor) {
        this.schedule = schedule;
        this.anchor = anchor;
    }

    /** One arrival: its index in the schedule and its t_sched ({@code System.nanoTime()} scale). */
    public record Slot(int index, long tSchedNanos) {}

    /** The next user's slot; the first call fixes the anchor if the run has not. */
    public Slot next() {
        long anchorNanos = anchor.nanos();
        int i = next.getAndIncrement();
        if (i >= schedule.size()) {
            // More users than arrivals cannot happen with GatlingInjection; keep them on time if it
            // does.
            return new Slot(i, System.nanoTime());
        }
        return new Slot(i, anchorNanos + schedule.offsetNanos(i));
    }

    /** The next user's t_sched (see {@link #next()}). */
    public long nextSchedNanos() {
        return next().tSchedNanos();
    }

    /** Users handed a slot so far. */
    public int started() {
        return Math.min(next.get(), schedule.size());
    }

    public ArrivalSchedule schedule() {
        return schedule;
    }
}
