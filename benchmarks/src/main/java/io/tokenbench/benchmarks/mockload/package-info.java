/**
 * Load tools for the mock itself (not benchmarks of a gateway): the streaming soak that holds
 * thousands of concurrent SSE streams and reads the mock's scheduling lag, and the two floors its
 * figures are read against: the machine's timer jitter on an idle event loop, and a raw Netty
 * server answering with the mock's bytes. Run from benchmarks/scripts/mock-stream-soak.sh and
 * mock-vs-nginx.sh.
 */
package io.tokenbench.benchmarks.mockload;
