package io.tokenbench.benchmarks.mockload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Stream lengths: fixed is the mean; uniform spreads over 1 .. 2 x mean - 1 around that mean. */
class StreamLengthsTest {

    @Test
    void fixedIsAlwaysTheMean() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(IntStream.range(0, 100).map(i -> StreamLengths.FIXED.draw(2000, random)))
                .containsOnly(2000);
    }

    @Test
    void uniformCoversTheWholeRangeAroundTheMeanAndNothingOutsideIt() {
        SplittableRandom random = new SplittableRandom(7);
        int[] drawn =
                IntStream.range(0, 200_000)
                        .map(i -> StreamLengths.UNIFORM.draw(50, random))
                        .toArray();
        assertThat(IntStream.of(drawn).min().orElseThrow()).isEqualTo(1);
        assertThat(IntStream.of(drawn).max().orElseThrow()).isEqualTo(99);
        assertThat(IntStream.of(drawn).average().orElseThrow()).isBetween(49.7, 50.3);
        // Spread evenly: each tenth of the range holds about a tenth of the draws.
        int[] tenths = new int[10];
        for (int d : drawn) {
            tenths[Math.min(9, (d - 1) * 10 / 99)]++;
        }
        assertThat(IntStream.of(tenths).boxed())
                .allSatisfy(n -> assertThat(n).isBetween(18_000, 22_000));
    }

    @Test
    void aMeanOfOneStaysOneAndTheSameSeedRepeats() {
        assertThat(StreamLengths.UNIFORM.draw(1, new SplittableRandom(3))).isEqualTo(1);
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        assertThat(IntStream.range(0, 50).map(i -> StreamLengths.UNIFORM.draw(2000, a)).toArray())
                .containsExactly(
                        IntStream.range(0, 50)
                                .map(i -> StreamLengths.UNIFORM.draw(2000, b))
                                .toArray());
    }

    @Test
    void theOptionSpellingsParseAndAnythingElseNamesTheOption() {
        assertThat(StreamLengths.parse("uniform")).isEqualTo(StreamLengths.UNIFORM);
        assertThat(StreamLengths.parse("fixed")).isEqualTo(StreamLengths.FIXED);
        assertThatThrownBy(() -> StreamLengths.parse("Fixed"))
                .hasMessage("--lengths must be uniform or fixed, got 'Fixed'");
    }
}
