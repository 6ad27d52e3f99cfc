/**
 * The command line of {@code ./tokenbench keys verify}: {@link
 * io.tokenbench.simulations.keys.cli.KeysVerifyOptions} (strict parsing into a record; a bad option
 * names itself, exit 2), {@link io.tokenbench.simulations.keys.cli.KeysVerifyMain} (thin main),
 * {@link io.tokenbench.simulations.keys.cli.KeysVerifyRun} (builds the target, runs the checks,
 * writes the run folder) and {@link io.tokenbench.simulations.keys.cli.InProcessMock} (the Netty
 * mock with the PowerTokens gate).
 */
package io.tokenbench.simulations.keys.cli;
