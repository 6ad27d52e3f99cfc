/**
 * End-to-end JMH benchmarks: each client of {@code client} against each target of {@code target},
 * for non-streamed chat, full streams and time to first token, at one and at four threads sharing
 * one client, in SampleTime (latency distributions); streams and tokens per second (an auxiliary
 * counter) in throughput mode.
 */
package io.tokenbench.benchmarks.e2e;
