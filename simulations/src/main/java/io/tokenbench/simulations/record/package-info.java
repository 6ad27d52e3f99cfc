/**
 * The bridge from request timelines to the reports module's recorder, the run folder and the
 * progress counters. No metric is derived here: the reports module derives every metric from the
 * timeline.
 */
package io.tokenbench.simulations.record;
