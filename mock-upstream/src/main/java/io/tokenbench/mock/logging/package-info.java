/**
 * Logging for the mock: the JDK's {@link java.lang.System.Logger} (no extra dependency, so the
 * shaded mock jar logs through {@code java.util.logging} and modules that embed the mock keep their
 * own SLF4J provider), behind {@link io.tokenbench.mock.logging.RateLimitedLog} on hot paths so an
 * exception storm cannot flood the log or slow an event loop.
 */
package io.tokenbench.mock.logging;
