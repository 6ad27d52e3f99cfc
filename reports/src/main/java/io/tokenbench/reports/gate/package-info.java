/**
 * CI gates: rules ({@link io.tokenbench.reports.gate.RuleParser}, syntax in reports/README.md),
 * their evaluation against current runs and optional baselines ({@link
 * io.tokenbench.reports.gate.GateEvaluator}), the block bootstrap deciding relative rules over
 * repeated runs ({@link io.tokenbench.reports.gate.BlockBootstrap}) and the verdicts with metric,
 * required, actual, baseline, delta and hint ({@link io.tokenbench.reports.gate.RuleResult}).
 * Rendering lives in {@code format}.
 */
package io.tokenbench.reports.gate;
