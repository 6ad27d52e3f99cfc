/**
 * Thin entry points: TokenbenchRun parses options, starts the mock as a separate process when no
 * base URL is given, runs Gatling in-process, prints progress and the summary; exit 2 on a bad
 * option.
 */
package io.tokenbench.simulations.cli;
