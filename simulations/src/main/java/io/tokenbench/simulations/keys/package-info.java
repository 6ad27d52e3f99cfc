/**
 * {@code ./tokenbench keys verify}: does a gateway enforce PowerTokens key limits? Named checks
 * ({@link io.tokenbench.simulations.keys.CheckName}) each answer a {@link
 * io.tokenbench.simulations.keys.Verdict} with evidence ({@link
 * io.tokenbench.simulations.keys.CheckResult}); {@link
 * io.tokenbench.simulations.keys.EnforcementReport} is the whole answer and its two renderings,
 * {@code enforcement.json} (schema in KEYS-VERIFY.md) and {@code enforcement.md}. Sub-packages:
 * {@code http} (wire), {@code checks} (traffic and judgement), {@code cli} (options, main,
 * in-process mock).
 */
package io.tokenbench.simulations.keys;
