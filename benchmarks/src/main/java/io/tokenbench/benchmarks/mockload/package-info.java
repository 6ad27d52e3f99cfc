/**
 * Load tools for the mock itself (not benchmarks of a gateway): the streaming soak that holds
 * thousands of concurrent SSE streams and reads the mock's scheduling lag. Run from
 * benchmarks/scripts/mock-stream-soak.sh.
 */
package io.tokenbench.benchmarks.mockload;
