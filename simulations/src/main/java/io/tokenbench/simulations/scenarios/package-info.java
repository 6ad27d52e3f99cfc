/**
 * Scenario recipes (streaming, non-streaming, soak, spike, sweep, gateway overhead, model compare,
 * mixed endpoint traffic) as short compositions of chains and load models, and the one Gatling
 * simulation class that runs them.
 */
package io.tokenbench.simulations.scenarios;
