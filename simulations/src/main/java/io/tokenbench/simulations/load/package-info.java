/**
 * Load models (open arrival rates, closed concurrency; soak and spike are shapes of these), the
 * seeded arrival schedule and its split by endpoint class for the mixed scenario, and their
 * translation into Gatling injection steps. No recording, no HTTP.
 */
package io.tokenbench.simulations.load;
