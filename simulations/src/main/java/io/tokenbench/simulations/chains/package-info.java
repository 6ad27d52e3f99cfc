/**
 * Gatling building blocks: the chat-call action on Gatling's HTTP engine that observes every SSE event with its arrival time, and the chains that compose it. Recipes live in scenarios.
 */
package io.tokenbench.simulations.chains;
