package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.Price;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.feeders.PromptSet;
import io.tokenbench.simulations.load.ArrivalSchedule;
import io.tokenbench.simulations.load.ScheduleAnchor;
import io.tokenbench.simulations.scenarios.Lane;
import io.tokenbench.simulations.scenarios.Recipes;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Gatling run with one lane per mock fault (requested with {@code x-mock-fault}) plus a clean
 * lane, streamed and non-streamed: every request of a lane must be classified as the outcome the
 * mock's fault names (its {@code harnessOutcome()}), and 429s must keep their Retry-After. A new
 * connection per request, so that Gatling's client never re-sends on a pooled connection the mock
 * reset. The idle timeout (1.5 s) is far above the mock's 2 ms gaps so that a loaded CI machine
 * does not turn a reset into an idle timeout. Slow drip at 1 ms per piece (the default 10 ms drips
 * each event for longer than the first-token timeout used here, which is then, correctly, a
 * timeout); stalls of 10 s, ended by our timeouts.
 */
class FaultOutcomeTest {

    @Test
    void everyStreamedFaultIsClassifiedAsTheMockNamesIt(@TempDir Path out) {
        Map<Fault, RunSummary> byFault = runFaults(out, true);
        byFault.forEach(
                (fault, s) ->
                        assertOnly(
                                fault.wireName(),
                                s,
                                Outcome.fromWireName(fault.harnessOutcome()).orElseThrow()));
        assertThat(byFault.get(Fault.HTTP_429).retryAfter().count())
                .isEqualTo(byFault.get(Fault.HTTP_429).requests().attempted());
        assertThat(byFault.get(Fault.HTTP_429).retryAfter().maxMillis())
                .isEqualTo(1000); // the mock's default retry-after
    }

    @Test
    void nonStreamedFaultsAreClassifiedToo(@TempDir Path out) {
        Map<Fault, RunSummary> byFault = runFaults(out, false);
        for (Fault f :
                List.of(
                        Fault.HTTP_429,
                        Fault.HTTP_500,
                        Fault.HTTP_502,
                        Fault.HTTP_503,
                        Fault.CONNECT_RESET,
                        Fault.STREAM_RESET,
                        Fault.PROTOCOL_ERROR,
                        Fault.USAGE_MISSING)) {
            assertOnly(
                    f.wireName() + " (non-streamed)",
                    byFault.get(f),
                    Outcome.fromWireName(f.harnessOutcome()).orElseThrow());
        }
        // non-streamed stall holds the headers back: nothing arrives before the first-token timeout
        assertOnly("stall (non-streamed)", byFault.get(Fault.STALL), Outcome.TIMEOUT_FIRST_TOKEN);
    }

    private static void assertOnly(String what, RunSummary s, Outcome expected) {
        long attempted = s.requests().attempted();
        assertThat(attempted).as(what + " attempted").isGreaterThan(0);
        assertThat(s.outcomes().get(expected))
                .as(what + " -> " + expected.wireName() + " in " + s.outcomes())
                .isEqualTo(attempted);
    }

    private static String header(Fault f) {
        return switch (f) {
            case SLOW_DRIP -> "slow_drip:1ms";
            case STALL -> "stall:10s"; // far beyond both timeouts: only the harness can end it
            default -> f.wireName();
        };
    }

    private static Map<Fault, RunSummary> runFaults(Path out, boolean stream) {
        List<Fault> faults = new ArrayList<>();
        for (Fault f : Fault.values()) {
            if (stream
                    || f != Fault.SLOW_DRIP
                            && f != Fault.STREAM_ERROR_EVENT
                            && f != Fault.MISSING_DONE) {
                faults.add(f);
            }
        }
        try (MockUpstream mock = MockedRuns.mock("10ms", "2ms", 8)) {
            RunParameters params =
                    MockedRuns.params(
                            mock,
                            out,
                            "--load",
                            "constant(4/s)",
                            "--duration",
                            "1s",
                            "--warmup",
                            "0s",
                            "--grace",
                            "4s",
                            "--timeout-idle",
                            "1500ms",
                            "--timeout-first-token",
                            "3s",
                            "--stream",
                            Boolean.toString(stream),
                            "--max-tokens",
                            "16",
                            "--connections",
                            "per-request");
            URI target = URI.create(mock.baseUrl());
            PromptSet prompts = PromptSet.load(params.prompts(), params.seed());
            ArrivalSchedule schedule =
                    ArrivalSchedule.of(params.load(), params.injectionLength(), params.seed());
            ScheduleAnchor anchor = new ScheduleAnchor();
            List<Lane> lanes = new ArrayList<>();
            for (Fault f : faults) {
                lanes.add(
                        Recipes.lane(
                                f.wireName(),
                                target,
                                Recipes.bodies(prompts, params),
                                Optional.of(schedule),
                                anchor,
                                params,
                                Map.of("x-mock-fault", header(f)),
                                Price.NONE));
            }
            RunPlan plan =
                    new RunPlan(
                            params,
                            lanes,
                            ApiKey.forEmbeddedMock("UNSET_VAR", Map.of()),
                            out,
                            Recipes.maxDuration(params),
                            anchor);
            List<PlanExecution.LaneResult> results =
                    PlanExecution.execute(
                            plan,
                            out,
                            false,
                            false,
                            new PrintStream(OutputStream.nullOutputStream()));
            Map<Fault, RunSummary> byFault = new EnumMap<>(Fault.class);
            for (int i = 0; i < faults.size(); i++) {
                byFault.put(faults.get(i), results.get(i).summary());
            }
            return byFault;
        }
    }
}
