/**
 * The state of the emulated PowerTokens platform: {@link io.tokenbench.mock.platform.PlatformState}
 * (keys, ledgers, usage log and stats, emulator clock, and the run-time switchable {@link
 * io.tokenbench.mock.platform.EnforcementProfile}), its persistence ({@link
 * io.tokenbench.mock.platform.StateFile}, written by the {@link
 * io.tokenbench.mock.platform.Sweeper}) and the JSON shapes the state file and the admin API share.
 * Neither the gate nor the routes are here: {@code io.tokenbench.mock.enforcement} and {@code
 * io.tokenbench.mock.platformadmin} build on this package.
 */
package io.tokenbench.mock.platform;
