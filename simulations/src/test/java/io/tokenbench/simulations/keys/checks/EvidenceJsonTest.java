package io.tokenbench.simulations.keys.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.simulations.keys.CheckName;
import io.tokenbench.simulations.keys.CheckResult;
import io.tokenbench.simulations.keys.EnforcementJson;
import io.tokenbench.simulations.keys.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Evidence records become the JSON fields enforcement.json had before they were records. The
 * expected names are copied from simulations/KEYS-VERIFY.md ("enforcement.json", evidence table),
 * not from the records.
 */
class EvidenceJsonTest {

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> documented(String commaSeparated) {
        Set<String> names = new TreeSet<>();
        for (String n : commaSeparated.split(",")) {
            names.add(n.strip());
        }
        return names;
    }

    private static JsonNode evidence(CheckName name, Object evidence) {
        return EnforcementJson.evidence(
                new CheckResult(
                        name,
                        Verdict.PASS,
                        "-",
                        (io.tokenbench.simulations.keys.Evidence) evidence));
    }

    @Test
    void anOvershootCellHasTheDocumentedFieldsAndRatiosKeepFourDecimals() {
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(4, null, 1000, 1000, Cells.drive(1000, 200, false))));
        JsonNode e = EnforcementJson.evidence(r);
        assertThat(fields(e))
                .isEqualTo(documented("by_concurrency, cells, coverage, cells_not_run"));
        JsonNode cell = e.path("cells").get(0);
        assertThat(fields(cell))
                .isEqualTo(
                        documented(
                                "cell, concurrency, stream, max_tokens, limit_micro_credits,"
                                        + " charged_micro_credits, client_spent_micro_credits,"
                                        + " overshoot_micro_credits, overshoot_share_of_limit,"
                                        + " overshoot_in_requests, bound_micro_credits,"
                                        + " max_request_cost_micro_credits, estimate_micro_credits,"
                                        + " admitted, rejected, errors, runaway, ledger_settled,"
                                        + " settle_ms, verdict"));
        assertThat(cell.path("max_tokens").isNull()).isTrue();
        assertThat(cell.path("verdict").asText()).isEqualTo("pass");
        assertThat(cell.path("overshoot_share_of_limit").decimalValue().toPlainString())
                .isEqualTo("0.0000");
        assertThat(fields(e.path("coverage")))
                .isEqualTo(
                        documented(
                                "cells_total, cells_checked, cells_stopped_before_limit,"
                                        + " cells_not_run"));
        assertThat(fields(e.path("by_concurrency").get(0)))
                .isEqualTo(
                        documented(
                                "concurrency, max_overshoot_micro_credits,"
                                        + " max_overshoot_share_of_limit"));
    }

    @Test
    void aCellWithoutAKeyIsANotCheckedRowWithItsReason() {
        CheckResult r =
                OvershootCheck.evaluate(
                        List.of(Cells.outcome(1, 200, 1000, 1000, Cells.drive(1000, 200, false))),
                        List.of(new Cell(4, true, null)),
                        "no key");
        JsonNode notRun = EnforcementJson.evidence(r).path("cells_not_run").get(0);
        assertThat(fields(notRun)).isEqualTo(documented("cell, verdict, reason"));
        assertThat(notRun.path("verdict").asText()).isEqualTo("not_checked");
    }

    @Test
    void aResetRowHasTheDocumentedFieldsAndAnUnenforcedLimitIsNotCheckedWithWhy() {
        ResetEvidence.Observed refusedThenReset =
                observed(true, 900, 0L, "2027-02-01T00:00:00Z", true);
        JsonNode row =
                evidence(
                                CheckName.RESET,
                                new ResetEvidence(
                                        List.of(ResetEvidence.Row.of(refusedThenReset)),
                                        inFlight()))
                        .path("cases")
                        .get(0);
        assertThat(fields(row))
                .isEqualTo(
                        documented(
                                "case, reset, expected_reset_at, next_reset_at, exhausted_before,"
                                        + " used_total_before_micro_credits,"
                                        + " used_in_period_2s_before_micro_credits,"
                                        + " refused_2s_before,"
                                        + " used_in_period_at_boundary_micro_credits,"
                                        + " used_total_at_boundary_micro_credits,"
                                        + " admitted_at_boundary, observed_reset_at,"
                                        + " observed_lag_seconds,"
                                        + " used_in_period_1h_later_micro_credits,"
                                        + " refused_1h_later, verdict"));
        assertThat(row.path("case").asText()).isEqualTo("monday");
        assertThat(row.path("verdict").asText()).isEqualTo("pass");

        // admitted 2 s before the boundary with spend on the key: the limit is not enforced, so
        // no reset can be seen (formerly the string "unobservable")
        ResetEvidence.Row unenforced =
                ResetEvidence.Row.of(observed(false, 900, 0L, "2027-02-01T00:00:00Z", true));
        assertThat(unenforced.verdict()).isEqualTo(Verdict.NOT_CHECKED);
        assertThat(unenforced.problem()).contains("not refused before the boundary");
        // admitted 2 s before with the period already at zero: reset early, a failure
        ResetEvidence.Row early =
                ResetEvidence.Row.of(observed(false, 0, 0L, "2027-02-01T00:00:00Z", true));
        assertThat(early.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(early.problem()).contains("reset early");
        ResetEvidence.Row never =
                ResetEvidence.Row.of(observed(true, 900, null, "2027-02-01T00:00:00Z", true));
        assertThat(never.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(never.problem()).contains("no reset within 300 s");
        ResetEvidence.Row doubleReset =
                ResetEvidence.Row.of(observed(true, 900, 0L, "2027-02-01T00:00:00Z", false));
        assertThat(doubleReset.problem()).contains("double reset");
        ResetEvidence.Row wrongNext = ResetEvidence.Row.of(observed(true, 900, 0L, null, true));
        assertThat(wrongNext.problem()).contains("next_reset_at null");
    }

    private static ResetEvidence.Observed observed(
            boolean refused2sBefore,
            long used2sBefore,
            Long lagSeconds,
            String nextResetAt,
            boolean refused1hLater) {
        return new ResetEvidence.Observed(
                "monday",
                "weekly",
                "2027-02-01T00:00:00Z",
                nextResetAt,
                true,
                900,
                used2sBefore,
                refused2sBefore,
                0,
                900,
                487,
                lagSeconds != null && lagSeconds == 0,
                lagSeconds == null ? null : "2027-02-01T00:00:00Z",
                lagSeconds,
                refused1hLater,
                300);
    }

    private static ResetEvidence.InFlight inFlight() {
        return new ResetEvidence.InFlight(
                "in_flight_across_boundary",
                "2028-03-15T00:00:00Z",
                "settlement",
                true,
                200,
                487L,
                487,
                487,
                Verdict.PASS,
                null);
    }

    @Test
    void theInFlightRowHasTheDocumentedFields() {
        JsonNode e = evidence(CheckName.RESET, new ResetEvidence(List.of(), inFlight()));
        assertThat(fields(e)).isEqualTo(documented("cases, in_flight"));
        assertThat(fields(e.path("in_flight")))
                .isEqualTo(
                        documented(
                                "case, boundary, expected_period, stream_running_at_boundary,"
                                        + " status, request_cost_micro_credits,"
                                        + " used_in_period_after_micro_credits,"
                                        + " used_total_after_micro_credits, verdict"));
    }

    @Test
    void accountingRowsOfMockAndLiveHaveTheDocumentedFields() {
        AccountingSource.KeyAccount mock =
                new MockAccounting.Account(100, 100, 100, 100, null, 100, 0, 0, 100, 1);
        AccountingSource.KeyAccount live = new LiveAccounting.Account(5, 105, 100, 1, 100, 12);
        PropagationLag lag = PropagationLag.notMeasured("not asked for");
        List<AccountingCheck.KeyRow> rows = new ArrayList<>();
        for (AccountingSource.KeyAccount a : List.of(mock, live)) {
            rows.add(
                    new AccountingCheck.KeyRow(
                            "c1-json-max200",
                            12,
                            3,
                            100,
                            a,
                            Verdict.passUnless(a.problem()),
                            a.problem()));
        }
        JsonNode e =
                evidence(
                        CheckName.ACCOUNTING,
                        new AccountingCheck.AccountingEvidence("sources", rows, lag));
        assertThat(fields(e)).isEqualTo(documented("sources, propagation_lag, keys"));
        assertThat(fields(e.path("propagation_lag")))
                .isEqualTo(
                        documented(
                                "samples, not_shown_within_timeout, p50_ms, max_ms, poll_ms,"
                                        + " reason"));
        String common = "cell, settle_ms, matrix_settle_ms, client_usage_x_price_micro_credits, ";
        assertThat(fields(e.path("keys").get(0)))
                .isEqualTo(
                        documented(
                                common
                                        + "logs_of_client_requests_micro_credits,"
                                        + " logs_total_micro_credits,"
                                        + " ledger_used_total_micro_credits,"
                                        + " ledger_used_in_period_micro_credits,"
                                        + " usage_stats_micro_credits,"
                                        + " usage_endpoint_micro_credits,"
                                        + " requests_without_log_row,"
                                        + " ledger_minus_logs_micro_credits, verdict, problem"));
        // the usage statistics are missing: a failure, its figure an explicit null
        assertThat(e.path("keys").get(0).path("usage_stats_micro_credits").isNull()).isTrue();
        assertThat(e.path("keys").get(0).path("verdict").asText()).isEqualTo("fail");
        assertThat(fields(e.path("keys").get(1)))
                .isEqualTo(
                        documented(
                                common
                                        + "baseline_micro_credits, usage_endpoint_micro_credits,"
                                        + " usage_endpoint_increase_micro_credits,"
                                        + " tolerance_micro_credits, verdict"));
    }

    @Test
    void cancelBillingEvidenceOfMockAndLiveHasTheDocumentedFields() {
        String common = "expected, max_tokens, content_events_received, cancelled, ";
        JsonNode mock =
                evidence(
                        CheckName.CANCEL_BILLING,
                        new CancelBillingCheck.CancelEvidence(
                                "tokens_emitted",
                                200,
                                5,
                                true,
                                null,
                                new CancelBilled.Logged("client_disconnect", 6, 19, 12)));
        assertThat(fields(mock))
                .isEqualTo(
                        documented(
                                common
                                        + "cancel_reason, billed_completion_tokens,"
                                        + " billed_micro_credits"));
        JsonNode live =
                evidence(
                        CheckName.CANCEL_BILLING,
                        new CancelBillingCheck.CancelEvidence(
                                "tokens_emitted",
                                16,
                                5,
                                true,
                                null,
                                new CancelBilled.LedgerIncrease(19, 10)));
        assertThat(fields(live))
                .isEqualTo(
                        documented(
                                common
                                        + "billed_micro_credits, received_output_cost_micro_credits"));
    }

    @Test
    void aNotCheckedResultCarriesOnlyItsReason() {
        JsonNode e =
                EnforcementJson.evidence(
                        CheckResult.notChecked(CheckName.REFUND, "needs the mock"));
        assertThat(fields(e)).isEqualTo(documented("reason"));
        assertThat(e.path("reason").asText()).isEqualTo("needs the mock");
    }
}
