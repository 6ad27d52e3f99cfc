package io.tokenbench.benchmarks.mockload;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How long each soak stream is, in output tokens. With {@link #FIXED} every stream asks for the
 * same number, so the streams started together in the ramp also end together, again and again: the
 * soak then measures completion waves (every stream's end and its replacement's request in one
 * short burst). {@link #UNIFORM} draws each stream's length, as real answers differ in length, so
 * completions spread over time and the soak measures the steady state.
 */
enum StreamLengths {
    /** Every stream asks for the mean. */
    FIXED,
    /** Each stream draws its length uniformly from 1 to 2 x mean - 1 (mean: the mean). */
    UNIFORM;

    /** One stream's length for the given mean (>= 1), drawn from {@code random} if it varies. */
    int draw(int meanTokens, SplittableRandom random) {
        return switch (this) {
            case FIXED -> meanTokens;
            case UNIFORM -> 1 + random.nextInt(2 * meanTokens - 1);
        };
    }

    /** The option's spelling. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From the option's spelling; anything else is an error listing the two. */
    static StreamLengths parse(String name) {
        for (StreamLengths lengths : values()) {
            if (lengths.wireName().equals(name)) {
                return lengths;
            }
        }
        throw new IllegalArgumentException(
                "--lengths must be uniform or fixed, got '" + name + "'");
    }
}
