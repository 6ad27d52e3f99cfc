/**
 * Prompt feeders: the bundled prompt set, a prompt file, or synthetic prompts of a drawn length;
 * each yields request bodies.
 */
package io.tokenbench.simulations.feeders;
