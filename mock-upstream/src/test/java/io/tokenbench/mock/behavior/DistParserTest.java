package io.tokenbench.mock.behavior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistParserTest {

    @Test
    void constantsCarryUnits() {
        assertThat(DistParser.durations("200ms").sample(new SplittableRandom(1))).isEqualTo(200e6);
        assertThat(DistParser.durations("1.5s").sample(new SplittableRandom(1))).isEqualTo(1.5e9);
        assertThat(DistParser.durations("250us").sample(new SplittableRandom(1))).isEqualTo(250e3);
        assertThat(DistParser.counts("64").sample(new SplittableRandom(1))).isEqualTo(64);
        assertThat(DistParser.durations(" 200MS ").spec()).isEqualTo("200ms");
    }

    @Test
    void uniformStaysInItsRange() {
        Dist dist = DistParser.durations("uniform(20ms,40ms)");
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            assertThat(dist.sample(random)).isBetween(20e6, 40e6);
        }
    }

    @Test
    void normalIsClampedToThreeSigmaByDefaultAndToExplicitBounds() {
        Dist dist = DistParser.durations("normal(200ms,20ms)");
        Dist explicit = DistParser.durations("normal(200ms,100ms,150ms,250ms)");
        SplittableRandom random = new SplittableRandom(7);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            double value = dist.sample(random);
            sum += value;
            assertThat(value).isBetween(140e6, 260e6);
            assertThat(explicit.sample(random)).isBetween(150e6, 250e6);
        }
        assertThat(sum / 20_000).isBetween(198e6, 202e6);
    }

    @Test
    void lognormalHasTheGivenMedianAndCap() {
        Dist dist = DistParser.durations("lognormal(100ms,0.5,300ms)");
        SplittableRandom random = new SplittableRandom(3);
        int below = 0;
        for (int i = 0; i < 20_000; i++) {
            double value = dist.sample(random);
            assertThat(value).isBetween(0.0, 300e6);
            below += value < 100e6 ? 1 : 0;
        }
        assertThat(below / 20_000.0).isBetween(0.48, 0.52);
    }

    @Test
    void badTextIsRejectedWithAReason() {
        assertThatThrownBy(() -> DistParser.durations("200"))
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> DistParser.counts("-1"))
                .hasMessageContaining("not a non-negative number");
        assertThatThrownBy(() -> DistParser.durations("gauss(1ms,2ms)"))
                .hasMessageContaining("unknown distribution");
        assertThatThrownBy(() -> DistParser.durations("uniform(1ms)"))
                .hasMessageContaining("needs 2 arguments");
        assertThatThrownBy(() -> DistParser.durations("uniform(5ms,1ms)"))
                .hasMessageContaining("max must be >= min");
        assertThatThrownBy(() -> DistParser.durations("")).hasMessageContaining("empty");
    }

    @Test
    void faultSpecsParseWithAndWithoutParameter() {
        assertThat(FaultSpec.parse("stall:2s"))
                .isEqualTo(new FaultSpec(Fault.STALL, 2_000_000_000L));
        assertThat(FaultSpec.parse("stream_reset")).isEqualTo(new FaultSpec(Fault.STREAM_RESET, 2));
        assertThat(FaultSpec.parse("HTTP_429:250ms").text()).isEqualTo("http_429:250ms");
        assertThatThrownBy(() -> FaultSpec.parse("http_500:3"))
                .hasMessageContaining("takes no parameter");
        assertThatThrownBy(() -> FaultSpec.parse("stream_reset:x"))
                .hasMessageContaining("chunk count");
    }

    @Test
    void everyFaultNamesAHarnessOutcome() {
        for (Fault fault : Fault.values()) {
            assertThat(fault.harnessOutcome())
                    .isIn(
                            "http_429",
                            "http_5xx",
                            "connection_lost",
                            "stream_truncated",
                            "stream_error_event",
                            "protocol_error",
                            "usage_missing",
                            "timeout_idle",
                            "ok");
        }
    }
}
