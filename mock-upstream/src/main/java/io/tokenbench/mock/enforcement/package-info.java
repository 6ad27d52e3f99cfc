/**
 * Key-limit enforcement of the emulated PowerTokens platform: the {@link
 * io.tokenbench.mock.enforcement.PowerTokensGate} (admission, pre-consume, settlement, faults), the
 * run-time switchable {@link io.tokenbench.mock.enforcement.EnforcementProfile} with its strict
 * parser {@link io.tokenbench.mock.enforcement.EnforcementOptions}, error styles ({@link
 * io.tokenbench.mock.enforcement.RejectionRenderer}), the Netty-free admin API ({@link
 * io.tokenbench.mock.enforcement.AdminApi}), the state file and the sweeper. All shared state lives
 * in {@link io.tokenbench.mock.enforcement.PlatformState}.
 */
package io.tokenbench.mock.enforcement;
