/**
 * Pure functions over one HTTP exchange: SSE framing, chat chunk parsing (raw data lines and
 * Gatling's 3.15 message JSON), the per-request timeline of nanosecond timestamps, the media step
 * trace (one media exchange, SSE speech events included), and outcome classification. No threads,
 * no sockets, no Gatling.
 */
package io.tokenbench.simulations.stream;
