package io.tokenbench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DurationGrammarTest {

    @Test
    void readsEveryUnitAndCompoundTerms() {
        assertThat(DurationGrammar.parse("250ns")).isEqualTo(Duration.ofNanos(250));
        assertThat(DurationGrammar.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(DurationGrammar.parse("1.5ms")).isEqualTo(Duration.ofNanos(1_500_000));
        assertThat(DurationGrammar.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationGrammar.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationGrammar.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationGrammar.parse(" 30s ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationGrammar.parse("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void rejectsBareNumbersNegativesAndUnknownUnits() {
        for (String bad : new String[] {"60", "-1s", "1d", "s", "", "1.s", "1 s", "ms5", "1e3ms"}) {
            assertThatThrownBy(() -> DurationGrammar.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ns, us, ms, s, m, h");
        }
        assertThatThrownBy(() -> DurationGrammar.parse("9999999999h"))
                .hasMessageContaining("too long");
    }

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(DurationGrammar.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationGrammar.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(DurationGrammar.format(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(DurationGrammar.format(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(DurationGrammar.format(Duration.ofNanos(250_000))).isEqualTo("250us");
        assertThat(DurationGrammar.format(Duration.ofNanos(7))).isEqualTo("7ns");
        assertThat(DurationGrammar.format(Duration.ZERO)).isEqualTo("0");
    }

    @Property
    void formatThenParseIsTheIdentity(
            @ForAll @LongRange(min = 0, max = 400L * 3_600_000_000_000L) long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        assertThat(DurationGrammar.parse(DurationGrammar.format(duration))).isEqualTo(duration);
    }
}
