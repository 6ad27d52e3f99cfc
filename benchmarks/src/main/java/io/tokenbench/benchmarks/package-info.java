/**
 * JMH benchmarks of tokenbench: the official openai-java client and lean clients (JDK {@code
 * HttpClient}, a minimal Netty client) against the mock or a live URL ({@code e2e}), and
 * micro-benchmarks of hot paths ({@code micro}). {@code cli} runs them with presets and imports the
 * results into the reports model.
 */
package io.tokenbench.benchmarks;
