/**
 * Shell completion for {@code ./tokenbench}: one picocli command tree made of every module's own
 * command classes ({@link TokenbenchCommands}), rendered by picocli's {@code AutoComplete} ({@link
 * CompletionScript}). The script is committed beside this module's pom and printed by {@code
 * ./tokenbench completion bash}; a test keeps it equal to what the commands generate.
 */
package io.tokenbench.completion;
