package io.tokenbench.simulations.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.simulations.config.LoadModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void constantRateIsEvenlySpaced() {
        ArrivalSchedule s =
                ArrivalSchedule.of(new LoadModel.ConstantRate(4, false), Duration.ofSeconds(2), 1);
        assertThat(s.size()).isEqualTo(8);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.offsetNanos(i)).isEqualTo(i * 250_000_000L);
        }
    }

    @Test
    void poissonCountMatchesTheRateAndTheSeedReproducesIt() {
        LoadModel m = new LoadModel.ConstantRate(100, true);
        ArrivalSchedule a = ArrivalSchedule.of(m, Duration.ofSeconds(100), 42);
        ArrivalSchedule b = ArrivalSchedule.of(m, Duration.ofSeconds(100), 42);
        // 10,000 expected, standard deviation 100: five sigmas either side
        assertThat(a.size()).isBetween(9_500, 10_500);
        assertThat(b.size()).isEqualTo(a.size());
        assertThat(b.offsetNanos(a.size() - 1)).isEqualTo(a.offsetNanos(a.size() - 1));
        for (int i = 1; i < a.size(); i++) {
            assertThat(a.offsetNanos(i)).isGreaterThanOrEqualTo(a.offsetNanos(i - 1));
        }
        assertThat(ArrivalSchedule.of(m, Duration.ofSeconds(100), 43).size())
                .isNotEqualTo(a.size());
    }

    @Test
    void stepsAndSpikesFollowTheirRateFunction() {
        LoadModel.Steps steps = new LoadModel.Steps(10, 40, 2, Duration.ofSeconds(50));
        ArrivalSchedule s = ArrivalSchedule.of(steps, Duration.ofSeconds(100), 7);
        long level = 50_000_000_000L;
        assertThat(s.countBetween(0, level)).isBetween(500 - 5 * 23, 500 + 5 * 23); // 10/s for 50 s
        assertThat(s.countBetween(level, 2 * level))
                .isBetween(2500 - 5 * 50, 2500 + 5 * 50); // 50/s
        LoadModel.Spike spike =
                new LoadModel.Spike(10, 100, Duration.ofSeconds(10), Duration.ofSeconds(10));
        ArrivalSchedule sp = ArrivalSchedule.of(spike, Duration.ofSeconds(30), 7);
        long tenSeconds = 10_000_000_000L;
        assertThat(sp.countBetween(tenSeconds, 2 * tenSeconds))
                .isGreaterThan(3 * sp.countBetween(0, tenSeconds));
    }

    @Test
    void closedModelsHaveNoSchedule() {
        assertThatThrownBy(
                        () ->
                                ArrivalSchedule.of(
                                        new LoadModel.Concurrency(2), Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pacerHandsOutAnchoredSlotsInOrder() {
        ArrivalSchedule s =
                ArrivalSchedule.of(new LoadModel.ConstantRate(10, false), Duration.ofSeconds(1), 1);
        Pacer p = new Pacer(s, new ScheduleAnchor());
        long before = System.nanoTime();
        long first = p.nextSchedNanos();
        long second = p.nextSchedNanos();
        assertThat(first).isGreaterThanOrEqualTo(before + Pacer.LEAD_NANOS);
        assertThat(second - first).isEqualTo(100_000_000L);
        assertThat(p.started()).isEqualTo(2);
    }

    @Test
    void lanesSharingAnAnchorShareTheirSchedule() {
        ArrivalSchedule s =
                ArrivalSchedule.of(new LoadModel.ConstantRate(50, true), Duration.ofSeconds(1), 9);
        ScheduleAnchor anchor = new ScheduleAnchor();
        assertThat(anchor.fixAt(1_000_000_000L)).isEqualTo(1_000_000_000L);
        assertThat(anchor.fixAt(5L)).isEqualTo(1_000_000_000L); // fixed once
        Pacer gateway = new Pacer(s, anchor);
        Pacer upstream = new Pacer(s, anchor);
        for (int i = 0; i < 10; i++) {
            assertThat(gateway.nextSchedNanos())
                    .isEqualTo(upstream.nextSchedNanos())
                    .isEqualTo(1_000_000_000L + s.offsetNanos(i));
        }
    }
}
