package io.tokenbench.mock.catalog;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A model's Credit prices from the catalog. Credits per 1M tokens equals micro-Credits per token,
 * which keeps the ledger arithmetic exact.
 *
 * @param inputCreditsPerMillionTokens Credits per 1M input (prompt) tokens
 * @param outputCreditsPerMillionTokens Credits per 1M output (completion) tokens
 * @param creditsPerImage Credits per generated image
 * @param creditsPerSecond Credits per second of audio or video
 */
public record ModelPrice(
        BigDecimal inputCreditsPerMillionTokens,
        BigDecimal outputCreditsPerMillionTokens,
        BigDecimal creditsPerImage,
        BigDecimal creditsPerSecond) {

    public static final ModelPrice FREE =
            new ModelPrice(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public ModelPrice {
        requireNonNegative(inputCreditsPerMillionTokens, "inputCreditsPerMillionTokens");
        requireNonNegative(outputCreditsPerMillionTokens, "outputCreditsPerMillionTokens");
        requireNonNegative(creditsPerImage, "creditsPerImage");
        requireNonNegative(creditsPerSecond, "creditsPerSecond");
    }

    private static void requireNonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
    }
}
