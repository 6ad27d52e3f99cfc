/**
 * The options of {@code ./tokenbench run}, {@code sweep} and {@code calibrate} as picocli mixins,
 * one class per group, each with the rule of when its options apply, and the typed converters of
 * their text forms (load shapes, distributions, mixes, URLs). A new option is one field in the
 * mixin of the commands that take it, plus its record component. Values not given on the command
 * line come from {@link io.tokenbench.simulations.cli.options.PropertyDefaults} ({@code
 * -Dname=value}, the injector variables of the environment), else the option's default.
 */
package io.tokenbench.simulations.cli.options;
