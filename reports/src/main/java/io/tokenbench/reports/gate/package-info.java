/**
 * CI gates: rules ({@link io.tokenbench.reports.gate.RuleParser}, syntax in reports/README.md),
 * their evaluation against current runs and optional baselines ({@link
 * io.tokenbench.reports.gate.GateEvaluator}), the block bootstrap deciding relative rules over
 * repeated runs ({@link io.tokenbench.reports.gate.BlockBootstrap}) and the verdicts with metric,
 * required, actual, baseline, delta and hint ({@link io.tokenbench.reports.gate.RuleResult}). A
 * run's own verdict: its checks ({@link io.tokenbench.reports.gate.RunChecks}, defaults plus {@code
 * --check} rules) evaluated by {@link io.tokenbench.reports.gate.RunVerdicts}. Rendering lives in
 * {@code format}.
 */
package io.tokenbench.reports.gate;
