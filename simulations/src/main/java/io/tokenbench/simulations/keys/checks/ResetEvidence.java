package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import java.util.List;

/** The reset check's evidence on the mock's clock: a row per case and key, the in-flight case. */
public record ResetEvidence(List<Row> cases, InFlight inFlight) implements Evidence {

    /** One key of one {@link ResetCase}, judged. */
    public record Row(
            @JsonUnwrapped Observed observed,
            Verdict verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {

        static Row of(Observed o) {
            Judgement j = o.judge();
            return new Row(o, j.verdict(), j.problem());
        }
    }

    /**
     * What one key showed around its boundary (instants as ISO-8601 UTC strings).
     *
     * @param nextResetAt null when the mock shows none
     * @param observedResetAt null when the key was never admitted again
     * @param observedLagSeconds 0 when admitted at the boundary, null when never admitted again
     */
    public record Observed(
            @JsonProperty("case") String caseName,
            String reset,
            String expectedResetAt,
            String nextResetAt,
            boolean exhaustedBefore,
            long usedTotalBeforeMicroCredits,
            @JsonProperty("used_in_period_2s_before_micro_credits")
                    long usedInPeriod2sBeforeMicroCredits,
            @JsonProperty("refused_2s_before") boolean refused2sBefore,
            long usedInPeriodAtBoundaryMicroCredits,
            long usedTotalAtBoundaryMicroCredits,
            @JsonProperty("used_in_period_1h_later_micro_credits")
                    long usedInPeriod1hLaterMicroCredits,
            boolean admittedAtBoundary,
            String observedResetAt,
            Long observedLagSeconds,
            @JsonProperty("refused_1h_later") boolean refused1hLater,
            @JsonIgnore long lastLateProbeSeconds) {

        /** Reset correctness; not_checked when the key was not refused before its boundary. */
        Judgement judge() {
            if (!refused2sBefore) {
                // A period already at zero 2 s before the boundary was reset early; otherwise the
                // limit is not enforced and no reset can be seen.
                return usedInPeriod2sBeforeMicroCredits == 0
                        ? Judgement.fail(
                                "reset early: the period was already reset 2 s before the boundary")
                        : Judgement.notChecked(
                                "the key was not refused before the boundary: the limit is not"
                                        + " enforced");
            }
            if (observedLagSeconds == null) {
                return Judgement.fail(
                        "no reset within " + lastLateProbeSeconds + " s after the boundary");
            }
            if (observedLagSeconds > 0) {
                return Judgement.fail(
                        "reset late: first admitted "
                                + observedLagSeconds
                                + " s after the boundary");
            }
            if (usedInPeriodAtBoundaryMicroCredits != 0) {
                return Judgement.fail(
                        "new period starts with "
                                + usedInPeriodAtBoundaryMicroCredits
                                + " micro-Credits carried over");
            }
            if (usedTotalAtBoundaryMicroCredits != usedTotalBeforeMicroCredits) {
                return Judgement.fail("the reset changed used_total");
            }
            if (!refused1hLater) {
                return Judgement.fail(
                        "admitted again 1 h after the reset although exhausted: double reset");
            }
            if (!expectedResetAt.equals(nextResetAt)) {
                return Judgement.fail(
                        "next_reset_at " + nextResetAt + ", expected " + expectedResetAt);
            }
            return Judgement.pass();
        }
    }

    /**
     * A stream admitted before a daily boundary and settled after it.
     *
     * @param requestCostMicroCredits its log row's Credits, null when it has none
     */
    public record InFlight(
            @JsonProperty("case") String caseName,
            String boundary,
            String expectedPeriod,
            boolean streamRunningAtBoundary,
            int status,
            Long requestCostMicroCredits,
            long usedInPeriodAfterMicroCredits,
            long usedTotalAfterMicroCredits,
            Verdict verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem) {}

    /**
     * A real reset on a live gateway ({@code --wait-for-reset}).
     *
     * @param observedResetAt null when no reset was seen (or the key had no usage)
     */
    public record Live(
            String reset,
            String expectedResetAt,
            long usedBeforeMicroCredits,
            @JsonInclude(JsonInclude.Include.NON_NULL) String observedResetAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long observedLagMs,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean admittedAfterReset)
            implements Evidence {}
}
