package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.simulations.config.Price;
import io.tokenbench.simulations.feeders.ChatBodies;
import io.tokenbench.simulations.load.Pacer;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * One stream of traffic with its own run folder: a target, a body sequence and its pacing. A plain
 * run has one lane; gateway-overhead has two (gateway, upstream) and model-compare one per variant,
 * all on one shared schedule.
 *
 * @param name lane name: Gatling scenario name and run-folder suffix
 * @param baseUrl the target base URL
 * @param bodies the request bodies
 * @param pacer the open model's schedule, empty for closed models
 * @param info what run.json says about this lane, given the run's start (epoch ms)
 * @param extraHeaders extra request headers (tests: the mock's {@code x-mock-*} overrides)
 * @param price the lane model's Credit price
 */
public record Lane(
        String name,
        URI baseUrl,
        ChatBodies bodies,
        Optional<Pacer> pacer,
        LongFunction<RunInfo> info,
        Map<String, String> extraHeaders,
        Price price) {
    public Lane {
        extraHeaders = Map.copyOf(extraHeaders);
    }

    /** The lane's first request body (what a pre-flight request sends). */
    public String firstBody() {
        return bodies.body(0);
    }

    /** True when the lane's requests stream (SSE). */
    public boolean streamed() {
        return bodies.stream();
    }
}
