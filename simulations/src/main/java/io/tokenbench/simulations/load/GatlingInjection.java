package io.tokenbench.simulations.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a load model into Gatling injection. Open models: the {@link ArrivalSchedule} is cut into
 * {@value #BUCKET_MILLIS} ms buckets and each bucket's users are started together at the bucket's
 * start, ahead of their slots; the {@link Pacer} then holds each until its t_sched. So Gatling's
 * engine starts the users and our schedule decides when each request goes (Poisson included),
 * which is what lets dispatch lag be measured. Closed models: Gatling's constant concurrency.
 */
public final class GatlingInjection {
  static final long BUCKET_MILLIS = 100;

  private GatlingInjection() {}

  /** Open-model steps for {@code schedule}: nothingFor/atOnceUsers pairs per non-empty bucket. */
  public static List<OpenInjectionStep> openSteps(ArrivalSchedule schedule) {
    List<OpenInjectionStep> steps = new ArrayList<>();
    long bucketNanos = BUCKET_MILLIS * 1_000_000L;
    long lastOffset = schedule.size() == 0 ? 0 : schedule.offsetNanos(schedule.size() - 1);
    long idleMillis = 0;
    for (long from = 0; from <= lastOffset; from += bucketNanos) {
      int users = schedule.countBetween(from, from + bucketNanos);
      if (users == 0) {
        idleMillis += BUCKET_MILLIS;
        continue;
      }
      if (idleMillis > 0) {
        steps.add(nothingFor(Duration.ofMillis(idleMillis)));
      }
      steps.add(atOnceUsers(users));
      idleMillis = BUCKET_MILLIS;
    }
    return steps;
  }

  /** The population for {@code model}: open from {@code schedule}, closed for {@code length}. */
  public static PopulationBuilder population(ScenarioBuilder scenario, LoadModel model, ArrivalSchedule schedule,
      Duration length) {
    if (model instanceof LoadModel.Concurrency c) {
      return scenario.injectClosed(constantConcurrentUsers(c.users()).during(length));
    }
    return scenario.injectOpen(openSteps(schedule));
  }
}
