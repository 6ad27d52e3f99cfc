/**
 * Load models (open arrival rates, closed concurrency; soak and spike are shapes of these) and their translation into Gatling injection steps. No recording, no HTTP.
 */
package io.tokenbench.simulations.load;
