package io.tokenbench.simulations.scenarios;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.tokenbench.simulations.chains.ChatCall;
import io.tokenbench.simulations.load.GatlingInjection;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Gatling simulation: every lane of the installed {@link RunPlan} becomes a scenario of one
 * chat call per virtual user, injected from the lane's schedule (open), or N users each looping
 * chat calls for the run's length (closed). Streaming runs assert {@code details("ttft")} p99 against the ttft SLO, so Gatling's own
 * report shows the gate next to its charts.
 */
public final class TokenbenchSimulation extends Simulation {
  private final RunPlan plan = RunPlan.current();

  public TokenbenchSimulation() {
    List<PopulationBuilder> populations = new ArrayList<>();
    List<Assertion> assertions = new ArrayList<>();
    for (int i = 0; i < plan.lanes().size(); i++) {
      Lane lane = plan.lanes().get(i);
      populations.add(GatlingInjection.population(lane.name(), ChatCall.of(plan.settings(i)), plan.params().load(),
          lane.pacer().map(p -> p.schedule()).orElse(null), plan.params().injectionLength()));
      if (lane.bodies().stream()) {
        String ttft = plan.lanes().size() == 1 ? "ttft" : "chat " + lane.name() + " ttft";
        assertions.add(details(ttft).responseTime().percentile(99.0).lt((int) plan.params().slo().ttft().toMillis()));
      }
    }
    setUp(populations)
        .protocols(http.shareConnections())
        .assertions(assertions)
        .maxDuration(plan.maxDuration());
  }
}
