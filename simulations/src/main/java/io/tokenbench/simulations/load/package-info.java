/**
 * The seeded arrival schedule of an open-model run ({@link
 * io.tokenbench.simulations.config.LoadModel} lives with the configuration), its split by endpoint
 * class for the mixed scenario, the pacer that holds each arrival to its intended start, and the
 * translation into Gatling injection steps. No recording, no HTTP.
 */
package io.tokenbench.simulations.load;
