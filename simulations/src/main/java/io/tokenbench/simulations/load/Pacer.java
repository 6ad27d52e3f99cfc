package io.tokenbench.simulations.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands each started virtual user its intended start (t_sched) from an {@link ArrivalSchedule}.
 * Gatling starts the users of each injection bucket together at the bucket's start, a little
 * before their slots ({@link GatlingInjection}); each user then waits on its event loop until its
 * t_sched and sends. {@code t_send - t_sched} is the load generator's own lateness (dispatch lag).
 *
 * <p>The anchor (t_sched of offset 0) is fixed by the first user to ask, plus {@link #LEAD_NANOS}
 * so that Gatling's own start-up jitter is absorbed. Thread-safe and lock-free.
 */
public final class Pacer {
  /** How far ahead of its slot a user is started; covers Gatling's scheduling jitter. */
  public static final long LEAD_NANOS = 50_000_000L;
  /** No anchor yet. */
  private static final long UNSET = Long.MIN_VALUE;

  private final ArrivalSchedule schedule;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLong anchorNanos = new AtomicLong(UNSET);

  public Pacer(ArrivalSchedule schedule) {
    this.schedule = schedule;
  }

  /** The next user's t_sched ({@code System.nanoTime()} scale); the first call fixes the anchor. */
  public long nextSchedNanos() {
    long anchor = anchor();
    int i = next.getAndIncrement();
    if (i >= schedule.size()) {
      // More users than arrivals cannot happen with GatlingInjection; keep them on time if it does.
      return System.nanoTime();
    }
    return anchor + schedule.offsetNanos(i);
  }

  /** The anchor, fixing it now if no user has asked yet. */
  public long anchor() {
    long a = anchorNanos.get();
    if (a != UNSET) {
      return a;
    }
    anchorNanos.compareAndSet(UNSET, System.nanoTime() + LEAD_NANOS);
    return anchorNanos.get();
  }

  /** Users handed a slot so far. */
  public int started() {
    return Math.min(next.get(), schedule.size());
  }

  public ArrivalSchedule schedule() {
    return schedule;
  }
}
