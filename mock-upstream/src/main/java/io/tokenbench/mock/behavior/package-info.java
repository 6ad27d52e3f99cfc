/**
 * The emulated model's behaviour, free of Netty: distributions (the DIST syntax), the behaviour
 * record, load slowdown, the fault catalogue, per-request override headers and the seeded plan drawn
 * for each request. Nothing here writes bytes or schedules tasks.
 */
package io.tokenbench.mock.behavior;
