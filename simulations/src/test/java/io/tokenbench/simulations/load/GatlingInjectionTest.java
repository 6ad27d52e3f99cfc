package io.tokenbench.simulations.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.simulations.config.LoadModel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatlingInjectionTest {

    @Test
    void everyArrivalGetsAUserStartedNoLaterThanItsSlot() {
        ArrivalSchedule s =
                ArrivalSchedule.of(new LoadModel.ConstantRate(37, true), Duration.ofSeconds(20), 3);
        var steps = GatlingInjection.openSteps(s);
        // Re-play the steps: users are started at the bucket start; each bucket's slots lie in
        // [start, start + 100 ms).
        long bucketNanos = GatlingInjection.BUCKET_MILLIS * 1_000_000L;
        long users = 0;
        for (long from = 0; from < 21_000_000_000L; from += bucketNanos) {
            users += s.countBetween(from, from + bucketNanos);
        }
        assertThat(users).isEqualTo(s.size());
        // nothingFor + atOnceUsers pairs: never more steps than two per bucket
        assertThat(steps.size()).isLessThanOrEqualTo(2 * 200 + 1);
        assertThat(steps).isNotEmpty();
    }
}
