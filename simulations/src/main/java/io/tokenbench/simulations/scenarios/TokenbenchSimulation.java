package io.tokenbench.simulations.scenarios;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.simulations.chains.ChatCall;
import io.tokenbench.simulations.chains.MediaCall;
import io.tokenbench.simulations.load.GatlingInjection;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Gatling simulation: every lane of the installed {@link RunPlan} becomes a scenario of one
 * chat call per virtual user, injected from the lane's schedule (open), or N users each looping
 * chat calls for the run's length (closed). Streaming runs assert {@code details("ttft")} p99
 * against the ttft SLO, so Gatling's own report shows the gate next to its charts.
 */
public final class TokenbenchSimulation extends Simulation {
    private final RunPlan plan = RunPlan.current();

    public TokenbenchSimulation() {
        List<PopulationBuilder> populations = new ArrayList<>();
        List<Assertion> assertions = new ArrayList<>();
        if (plan.mixed().isPresent()) {
            mixed(populations, assertions);
        }
        for (int i = 0; plan.mixed().isEmpty() && i < plan.lanes().size(); i++) {
            Lane lane = plan.lanes().get(i);
            populations.add(
                    GatlingInjection.population(
                            lane.name(),
                            guarded(ChatCall.of(plan.settings(i))),
                            plan.params().load(),
                            lane.pacer().map(p -> p.schedule()).orElse(null),
                            plan.params().injectionLength()));
            if (lane.bodies().stream()) {
                String ttft = plan.lanes().size() == 1 ? "ttft" : "chat " + lane.name() + " ttft";
                assertions.add(
                        details(ttft)
                                .responseTime()
                                .percentile(99.0)
                                .lt((int) plan.params().slo().ttft().toMillis()));
            }
        }
        if (populations.isEmpty()) {
            throw new IllegalStateException(
                    "no arrivals were scheduled: raise the rate or the duration");
        }
        setUp(populations)
                .protocols(http.shareConnections())
                .assertions(assertions)
                .maxDuration(plan.maxDuration());
    }

    /**
     * {@code call}, then a stop of the whole load when the plan's {@code --abort-on} watch tripped
     * (Gatling's stopLoadGenerator: the run ends, its folder is closed and reported as usual).
     */
    private ChainBuilder guarded(ActionBuilder call) {
        return exec(call)
                .exec(
                        stopLoadGeneratorIf(
                                session ->
                                        "tokenbench: "
                                                + plan.abortWatch().reason().orElse("aborted"),
                                session -> plan.abortWatch().tripped()));
    }

    /** One scenario per endpoint class with arrivals, each on its share of the one schedule. */
    private void mixed(List<PopulationBuilder> populations, List<Assertion> assertions) {
        plan.mixed()
                .orElseThrow()
                .pacers()
                .forEach(
                        (endpoint, pacer) -> {
                            if (pacer.schedule().size() == 0) {
                                return; // a rare class with no arrival in a short run
                            }
                            ActionBuilder call =
                                    endpoint == EndpointClass.CHAT
                                            ? ChatCall.of(plan.settings(0))
                                            : MediaCall.of(plan.mediaSettings(endpoint));
                            populations.add(
                                    GatlingInjection.population(
                                            endpoint.wireName(),
                                            guarded(call),
                                            plan.params().load(),
                                            pacer.schedule(),
                                            plan.params().injectionLength()));
                            if (endpoint == EndpointClass.CHAT
                                    && plan.lanes().get(0).bodies().stream()) {
                                assertions.add(
                                        details("ttft")
                                                .responseTime()
                                                .percentile(99.0)
                                                .lt((int) plan.params().slo().ttft().toMillis()));
                            }
                        });
    }
}
