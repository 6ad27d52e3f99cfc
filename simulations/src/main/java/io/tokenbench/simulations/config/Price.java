package io.tokenbench.simulations.config;

/**
 * A model's Credit price per million input and output tokens, from the target's model catalog
 * ({@code GET /v1/models/{id}}, field {@code pricing}). One Credit per million tokens is one
 * micro-Credit per token, so a request costs {@code prompt * in + completion * out} micro-Credits.
 */
public record Price(double inputPerMillion, double outputPerMillion) {
    /** Unpriced: Credits are not reported. */
    public static final Price NONE = new Price(0, 0);

    public Price {
        if (inputPerMillion < 0
                || outputPerMillion < 0
                || Double.isNaN(inputPerMillion)
                || Double.isNaN(outputPerMillion)) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
    }

    /** Micro-Credits of one request; unknown token counts (negative) cost nothing. */
    public long microCredits(long promptTokens, long completionTokens) {
        return Math.round(
                Math.max(0, promptTokens) * inputPerMillion
                        + Math.max(0, completionTokens) * outputPerMillion);
    }
}
