/**
 * JMH benchmarks: the official openai-java client and lean clients against the mock or a live URL,
 * and micro-benchmarks of tokenbench's hot paths. Not built yet.
 */
package io.tokenbench.benchmarks;
