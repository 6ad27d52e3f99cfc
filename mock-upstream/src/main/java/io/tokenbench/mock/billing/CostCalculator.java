package io.tokenbench.mock.billing;

import io.tokenbench.mock.catalog.ModelPrice;
import io.tokenbench.mock.gate.Settlement.Usage;
import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * Costs in micro-Credits. A price in Credits per 1M tokens is a price in micro-Credits per token,
 * so token costs are exact products; images and media seconds are priced in Credits and scaled by
 * 10^6. The sum is rounded once.
 */
public final class CostCalculator {

    /** new-api's minimum prompt size of the pre-consume estimate ({@code PreConsumedQuota}). */
    public static final int MIN_ESTIMATED_PROMPT_TOKENS = 500;

    private static final BigDecimal MICROS = BigDecimal.valueOf(Credits.MICROS_PER_CREDIT);

    private CostCalculator() {}

    /** The cost of the final usage of one request. */
    public static long costMicroCredits(ModelPrice price, Usage usage, Rounding rounding) {
        BigDecimal exact =
                price.inputCreditsPerMillionTokens()
                        .multiply(BigDecimal.valueOf(usage.promptTokens()))
                        .add(
                                price.outputCreditsPerMillionTokens()
                                        .multiply(BigDecimal.valueOf(usage.completionTokens())));
        if (usage.images() > 0) {
            exact =
                    exact.add(
                            price.creditsPerImage()
                                    .multiply(BigDecimal.valueOf(usage.images()))
                                    .multiply(MICROS));
        }
        if (usage.mediaSeconds() > 0) {
            exact =
                    exact.add(
                            price.creditsPerSecond()
                                    .multiply(BigDecimal.valueOf(usage.mediaSeconds()))
                                    .multiply(MICROS));
        }
        return rounding.toMicro(exact);
    }

    /**
     * The pre-consume estimate: price × (max(prompt, 500) input tokens + {@code max_tokens} output
     * tokens when given). Without {@code max_tokens} the output is not estimated at all, as in
     * new-api.
     */
    public static long estimateMicroCredits(
            ModelPrice price, int promptTokens, OptionalInt maxOutputTokens, Rounding rounding) {
        long input = Math.max(promptTokens, MIN_ESTIMATED_PROMPT_TOKENS);
        long output = maxOutputTokens.isPresent() ? maxOutputTokens.getAsInt() : 0;
        return costMicroCredits(price, Usage.tokens(input, output), rounding);
    }

    /**
     * How many output tokens fit in {@code budgetMicroCredits} after the prompt is paid (the {@code
     * cutoff} switch); {@link Integer#MAX_VALUE} when output is free.
     */
    public static int outputTokensWithin(
            ModelPrice price, long promptTokens, long budgetMicroCredits) {
        BigDecimal perToken = price.outputCreditsPerMillionTokens();
        if (perToken.signum() == 0) {
            return Integer.MAX_VALUE;
        }
        BigDecimal left =
                BigDecimal.valueOf(budgetMicroCredits)
                        .subtract(
                                price.inputCreditsPerMillionTokens()
                                        .multiply(BigDecimal.valueOf(promptTokens)));
        if (left.signum() <= 0) {
            return 0;
        }
        BigDecimal tokens = left.divideToIntegralValue(perToken);
        return tokens.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0
                ? Integer.MAX_VALUE
                : tokens.intValue();
    }
}
