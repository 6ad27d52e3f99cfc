/**
 * Run parameters: the validated immutable {@link io.tokenbench.simulations.config.RunParameters}
 * record, parsed once from command-line options and system properties with strict, named errors. No
 * I/O beyond checking that a prompt file is readable; the API key itself never lives here (only its
 * environment variable's name).
 */
package io.tokenbench.simulations.config;
