package io.tokenbench.simulations.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.exec.Executable;
import io.tokenbench.simulations.config.LoadModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a load model into Gatling injection. Open models: the {@link ArrivalSchedule} is cut into
 * {@value #BUCKET_MILLIS} ms buckets and each bucket's users are started together at the bucket's
 * start, ahead of their slots; the {@link Pacer} then holds each until its t_sched. So Gatling's
 * engine starts the users and our schedule decides when each request goes (Poisson included), which
 * is what lets dispatch lag be measured. Closed models: N looping users.
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

    /**
     * The population of scenario {@code name} running {@code call}: open, one call per user started
     * from {@code schedule}; closed, {@code N} users started at once, each looping calls back to
     * back for {@code length} (a loop rather than Gatling's constantConcurrentUsers, whose
     * re-injection of a fresh user after every call cost more than the call itself against a fast
     * target).
     */
    public static PopulationBuilder population(
            String name,
            Executable call,
            LoadModel model,
            ArrivalSchedule schedule,
            Duration length) {
        if (model instanceof LoadModel.Concurrency c) {
            return scenario(name).during(length).on(exec(call)).injectOpen(atOnceUsers(c.users()));
        }
        return scenario(name).exec(call).injectOpen(openSteps(schedule));
    }
}
