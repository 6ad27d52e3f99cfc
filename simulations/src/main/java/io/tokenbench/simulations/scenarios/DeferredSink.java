package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.record.RunSink;
import io.tokenbench.simulations.record.TimelineSink;

/**
 * A sink whose target is opened when Gatling is about to inject (the simulation's {@code before()}),
 * so the run's clock starts with the load, not with Gatling's start-up. Calls before that are dropped
 * (none happen: no user runs before {@code before()}).
 */
final class DeferredSink implements TimelineSink {
  private volatile RunSink target;

  void open(RunSink sink) {
    target = sink;
  }

  RunSink target() {
    return target;
  }

  @Override
  public void scheduled(long tSchedNanos) {
    RunSink t = target;
    if (t != null) {
      t.scheduled(tSchedNanos);
    }
  }

  @Override
  public void finished(RequestTimeline timeline, String sampleText) {
    RunSink t = target;
    if (t != null) {
      t.finished(timeline, sampleText);
    }
  }
}
