/**
 * Run configuration: the validated immutable {@link io.tokenbench.simulations.config.RunParameters}
 * record and its parts, including the {@link io.tokenbench.simulations.config.LoadModel} (open or
 * closed, printed in every report). Records validate in their compact constructors and throw {@link
 * IllegalArgumentException}s that name the option to fix; the text forms ({@code poisson(10/s)},
 * {@code uniform(64,512)}, {@code chat=4,images=1}) parse with plain static methods, so the command
 * line (package {@code cli}) turns them into picocli converters. No I/O beyond checking that a
 * prompt file is readable; the API key itself never lives here (only its environment variable's
 * name). Depends on no other package of this module.
 */
package io.tokenbench.simulations.config;
