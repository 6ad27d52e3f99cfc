/**
 * The emulator's controllable time: {@link io.tokenbench.mock.clock.EmulatorClock} (an {@link
 * java.time.InstantSource} that admin calls can set and advance) and the calendar rules of key
 * resets ({@link io.tokenbench.mock.clock.ResetCalendar}, {@link
 * io.tokenbench.mock.clock.ResetType}). Nothing here knows keys or money.
 */
package io.tokenbench.mock.clock;
