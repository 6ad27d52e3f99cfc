/**
 * The option layer every tokenbench command shares: one picocli setup ({@link Commands}), one
 * duration grammar ({@link DurationGrammar}), one exit-code contract ({@link ExitCode}). Modules
 * depend on this package and on picocli; it depends on nothing of tokenbench.
 */
package io.tokenbench.options;
