/**
 * Gatling load tests with LLM metrics: scenarios as short recipes built from shared chains, load
 * profiles and parameters. Metrics are recorded through the reports module. Not built yet.
 */
package io.tokenbench.simulations;
