/**
 * Key-limit enforcement of the emulated PowerTokens platform: the {@link
 * io.tokenbench.mock.enforcement.PowerTokensGate} (admission, pre-consume, settlement, faults), the
 * error styles of its rejections ({@link io.tokenbench.mock.enforcement.RejectionRenderer}), and
 * {@link io.tokenbench.mock.enforcement.PowerTokensPlatform}, which assembles gate, state ({@code
 * io.tokenbench.mock.platform}), admin routes ({@code io.tokenbench.mock.platformadmin}) and the
 * sweeper for a server.
 */
package io.tokenbench.mock.enforcement;
