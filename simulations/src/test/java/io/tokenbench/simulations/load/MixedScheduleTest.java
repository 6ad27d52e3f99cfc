package io.tokenbench.simulations.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.MediaMix;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixedScheduleTest {
    private static final MediaMix MIX =
            MediaMix.parse("chat=4,embeddings=10,images=1,speech=2,transcription=1,video=2");

    private static ArrivalSchedule merged() {
        return ArrivalSchedule.of(
                new LoadModel.ConstantRate(MIX.totalRatePerSec(), true),
                Duration.ofSeconds(500),
                7);
    }

    @Test
    void theClassesPartitionTheMergedStreamInProportionToTheMix() {
        ArrivalSchedule all = merged();
        Map<EndpointClass, ArrivalSchedule> byClass = MixedSchedule.split(all, MIX, 7, 0, 1);
        Set<Long> offsets = new HashSet<>();
        int total = 0;
        for (Map.Entry<EndpointClass, ArrivalSchedule> e : byClass.entrySet()) {
            ArrivalSchedule s = e.getValue();
            total += s.size();
            for (int i = 0; i < s.size(); i++) {
                offsets.add(s.offsetNanos(i));
                if (i > 0) {
                    assertThat(s.offsetNanos(i)).isGreaterThanOrEqualTo(s.offsetNanos(i - 1));
                }
            }
            // 10,000 arrivals: each class within 4 standard deviations of its expected share
            double expected = all.size() * MIX.share(e.getKey());
            assertThat((double) s.size())
                    .as(e.getKey().wireName())
                    .isBetween(
                            expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
        }
        assertThat(total).isEqualTo(all.size());
        assertThat(offsets).hasSize(all.size()); // every arrival in exactly one class
    }

    @Test
    void theSameSeedGivesTheSameClassesAndInjectorsSplitTheStreamDisjointly() {
        ArrivalSchedule all = merged();
        assertThat(MixedSchedule.classes(all, MIX, 7))
                .containsExactly(MixedSchedule.classes(all, MIX, 7));
        assertThat(MixedSchedule.classes(all, MIX, 8))
                .isNotEqualTo(MixedSchedule.classes(all, MIX, 7));
        Map<EndpointClass, ArrivalSchedule> one = MixedSchedule.split(all, MIX, 7, 0, 1);
        Map<EndpointClass, ArrivalSchedule> first = MixedSchedule.split(all, MIX, 7, 0, 2);
        Map<EndpointClass, ArrivalSchedule> second = MixedSchedule.split(all, MIX, 7, 1, 2);
        for (EndpointClass c : one.keySet()) {
            assertThat(first.get(c).size() + second.get(c).size()).isEqualTo(one.get(c).size());
        }
    }
}
