package io.tokenbench.simulations.record;

import io.tokenbench.reports.record.RequestTimeline;

/**
 * Where chat calls report. Called from Gatling's event loops; implementations must not block.
 */
public interface TimelineSink {

  /** The first request of the run is about to be scheduled: a lazily opened sink opens now. */
  default void begin() {}

  /** An arrival became due (offered load), at {@code tSchedNanos}. */
  void scheduled(long tSchedNanos);

  /**
   * Request {@code index} (its slot in the arrival schedule; -1 in closed models) finished;
   * {@code sampleText} is the start of its output (may be empty).
   */
  void finished(long index, RequestTimeline timeline, String sampleText);
}
