/**
 * What the end-to-end benchmarks talk to: the in-process mock with a zero-latency or realistic
 * behaviour profile, or a live base URL from a system property with the key from an environment
 * variable. Holds no client code and no benchmarks.
 */
package io.tokenbench.benchmarks.target;
