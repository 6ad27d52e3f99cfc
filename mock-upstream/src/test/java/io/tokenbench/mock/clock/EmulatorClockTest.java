package io.tokenbench.mock.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatorClockTest {

    @Test
    void setAndAdvanceMoveTheClock() {
        EmulatorClock clock = EmulatorClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"));
        clock.set(Instant.parse("2026-12-31T23:59:59Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-31T23:59:59Z"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void negativeAdvanceIsRefused() {
        EmulatorClock clock = EmulatorClock.frozenAt(Instant.EPOCH);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .hasMessageContaining("advance");
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void concurrentAdvancesAreNotLost() throws InterruptedException {
        EmulatorClock clock = EmulatorClock.frozenAt(Instant.EPOCH);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 1000; i++) {
                                    clock.advance(Duration.ofSeconds(1));
                                }
                            });
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusSeconds(8000));
    }

    @Test
    void systemBasedClockTicksFromTheSetInstant() {
        EmulatorClock clock = EmulatorClock.system();
        Instant target = Instant.parse("2030-06-01T00:00:00Z");
        clock.set(target);
        assertThat(clock.instant()).isAfterOrEqualTo(target);
    }
}
