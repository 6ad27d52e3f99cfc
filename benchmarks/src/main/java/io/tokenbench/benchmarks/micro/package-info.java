/**
 * Micro-benchmarks of tokenbench's hot paths, sized by {@code @Param}: the mock's SSE chunk
 * encoding (its own {@code ChunkEncoder}), the lean clients' SSE framing and event scan, and the
 * reports {@code RunRecorder} alone and under contention. The summary benchmark of the reports
 * module lives in {@code reports}.
 */
package io.tokenbench.benchmarks.micro;
