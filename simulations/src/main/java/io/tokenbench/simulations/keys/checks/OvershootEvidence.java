package io.tokenbench.simulations.keys.checks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tokenbench.simulations.keys.Evidence;
import io.tokenbench.simulations.keys.Verdict;
import java.math.BigDecimal;
import java.util.List;

/**
 * The overshoot check's evidence.
 *
 * @param byConcurrency the worst cell per concurrency level; null when no cell ran
 * @param cells every cell that ran; null when none did
 * @param reason why nothing was judged, or null
 */
public record OvershootEvidence(
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ByConcurrency> byConcurrency,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CellRow> cells,
        Coverage coverage,
        List<NotRun> cellsNotRun,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason)
        implements Evidence {

    /** The worst cell of one concurrency level. */
    public record ByConcurrency(
            int concurrency, long maxOvershootMicroCredits, BigDecimal maxOvershootShareOfLimit) {}

    /** How many matrix cells were judged, stopped early or not run. */
    public record Coverage(
            int cellsTotal, int cellsChecked, int cellsStoppedBeforeLimit, int cellsNotRun) {}

    /** A cell without a key. */
    public record NotRun(String cell, Verdict verdict, String reason) {}

    /**
     * One cell's figures.
     *
     * @param maxTokens null = no max_tokens
     * @param overshootShareOfLimit null when the limit is 0
     * @param usedShareOfLimit with {@code proves}: only for a cell stopped before its limit
     */
    public record CellRow(
            String cell,
            int concurrency,
            boolean stream,
            Integer maxTokens,
            long limitMicroCredits,
            long chargedMicroCredits,
            long clientSpentMicroCredits,
            long overshootMicroCredits,
            BigDecimal overshootShareOfLimit,
            BigDecimal overshootInRequests,
            long boundMicroCredits,
            long maxRequestCostMicroCredits,
            long estimateMicroCredits,
            long admitted,
            long rejected,
            long errors,
            boolean runaway,
            boolean ledgerSettled,
            long settleMs,
            Verdict verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) String problem,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double usedShareOfLimit,
            @JsonInclude(JsonInclude.Include.NON_NULL) String proves) {}
}
