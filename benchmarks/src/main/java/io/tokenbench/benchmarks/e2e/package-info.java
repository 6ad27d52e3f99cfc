/**
 * End-to-end JMH benchmarks: each client of {@code client} against each target of {@code target}, for
 * non-streamed chat, full streams and time to first token, at one and at four threads sharing one client.
 * SampleTime (latency distributions), tokens per second as an auxiliary counter.
 */
package io.tokenbench.benchmarks.e2e;
