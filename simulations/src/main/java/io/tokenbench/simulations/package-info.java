/**
 * Gatling load tests with LLM metrics: scenarios as short recipes built from shared chains, load
 * profiles and parameters. Metrics are recorded through the reports module. Sub-packages: config,
 * load, stream, chains, feeders, scenarios, record, cli.
 */
package io.tokenbench.simulations;
