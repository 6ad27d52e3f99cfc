package io.tokenbench.simulations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.simulations.cli.CommandLines;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadModelTest {

    @Test
    void everyFormParsesAndDescribesItselfInTheSameSyntax() {
        for (String text :
                new String[] {
                    "poisson(10/s)",
                    "constant(2.5/s)",
                    "ramp(1/s..20/s)",
                    "steps(5/s,+5/s,x6,20s)",
                    "spike(5/s,50/s,at=20s,for=10s)",
                    "concurrency(8)"
                }) {
            assertThat(LoadModel.parse(text).describe()).isEqualTo(text);
        }
    }

    @Test
    void stepsKnowTheirLevelRatesAndPeak() {
        LoadModel.Steps s = (LoadModel.Steps) LoadModel.parse("steps(5/s,+5/s,x6,20s)");
        assertThat(s.rateOfLevel(0)).isEqualTo(5);
        assertThat(s.rateOfLevel(5)).isEqualTo(30);
        assertThat(s.peakRatePerSec()).isEqualTo(30);
        assertThat(s.stepDuration()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void concurrencyStepsAreClosedLevelsForTheSweepOnly() {
        LoadModel.UserSteps s =
                (LoadModel.UserSteps) LoadModel.parse("steps(concurrency 8,+8,x6,20s)");
        assertThat(s.open()).isFalse();
        assertThat(s.levelLoad(0)).isEqualTo(new LoadModel.Concurrency(8));
        assertThat(s.levelLoad(5)).isEqualTo(new LoadModel.Concurrency(48));
        assertThat(s.levelLabel(1)).isEqualTo("16users");
        assertThat(s.describe()).isEqualTo("steps(concurrency 8,+8,x6,20s)");
        assertThat(LoadModel.parse(s.describe())).isEqualTo(s);
        assertThatThrownBy(() -> LoadModel.parse("steps(concurrency 0,+8,x6,20s)"))
                .hasMessageContaining("start >= 1 user");
    }

    @Test
    void meanRatesFollowTheShape() {
        Duration minute = Duration.ofSeconds(60);
        assertThat(LoadModel.parse("poisson(10/s)").meanRatePerSec(minute)).isEqualTo(10.0);
        assertThat(LoadModel.parse("ramp(0/s..20/s)").meanRatePerSec(minute))
                .isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(LoadModel.parse("spike(5/s,25/s,at=20s,for=15s)").meanRatePerSec(minute))
                .isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(LoadModel.parse("concurrency(2)").meanRatePerSec(minute)).isNaN();
    }

    @Test
    void closedModelIsNotOpen() {
        assertThat(LoadModel.parse("concurrency(3)").open()).isFalse();
        assertThat(LoadModel.parse("poisson(3/s)").open()).isTrue();
    }

    @Test
    void badValuesNameTheParameter() {
        assertThatThrownBy(() -> CommandLines.parse("--load", "concurrency(0)"))
                .hasMessageContaining("'--load'");
        assertThatThrownBy(() -> CommandLines.parse("--load", "steps(5/s,+5/s,x0,20s)"))
                .hasMessageContaining("'--load'");
        assertThatThrownBy(() -> CommandLines.parse("--load", "steps(5/s,+5/s,x2,soon)"))
                .hasMessageContaining("'--load'");
        assertThatThrownBy(() -> CommandLines.parse("--load", "poisson(ten/s)"))
                .hasMessageContaining("'--load': unknown");
    }

    @Test
    void durationsInsideAShapeNeedAUnit() {
        assertThatThrownBy(() -> LoadModel.parse("steps(5/s,+5/s,x2,20)"))
                .hasMessageContaining("'20' is not a duration");
        assertThatThrownBy(() -> LoadModel.parse("spike(5/s,50/s,at=20,for=10s)"))
                .hasMessageContaining("'20' is not a duration");
        assertThat(LoadModel.parse("spike(5/s,50/s,at=1m30s,for=500ms)"))
                .isEqualTo(
                        new LoadModel.Spike(5, 50, Duration.ofSeconds(90), Duration.ofMillis(500)));
    }
}
