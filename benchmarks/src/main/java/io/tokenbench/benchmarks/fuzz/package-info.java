/**
 * A bounded loopback fuzz client for the mock ({@code benchmarks/scripts/mock-fuzz.sh}): malformed
 * requests, one connection each, and the tally of what came back.
 */
package io.tokenbench.benchmarks.fuzz;
