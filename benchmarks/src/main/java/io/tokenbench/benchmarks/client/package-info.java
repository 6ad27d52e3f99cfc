/**
 * The chat clients under test behind one blocking interface ({@link
 * io.tokenbench.benchmarks.client.ChatClient}): the official openai-java SDK, a lean JDK {@code
 * HttpClient} client and a minimal Netty client, all sending the same {@link
 * io.tokenbench.benchmarks.client.ChatPrompt}. Errors (non-200, cut streams, error events) throw,
 * so a JMH run with {@code -foe true} fails instead of producing numbers. No benchmarks here.
 */
package io.tokenbench.benchmarks.client;
