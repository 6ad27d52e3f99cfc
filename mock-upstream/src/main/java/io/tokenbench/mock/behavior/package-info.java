/**
 * The emulated model's behaviour, free of Netty: distributions (the DIST syntax), the behaviour
 * record, load slowdown, the fault catalogue, per-request override headers and the seeded plan
 * drawn for each request; for the media endpoints the same again ({@link
 * io.tokenbench.mock.behavior.MediaBehavior}, {@link io.tokenbench.mock.behavior.MediaOverrides},
 * {@link io.tokenbench.mock.behavior.MediaPlan}, which holds the latency formulas). Nothing here
 * writes bytes or schedules tasks.
 */
package io.tokenbench.mock.behavior;
