package io.tokenbench.simulations.keys.checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A model's price in Credits per 1M input and output tokens (= micro-Credits per token), and the
 * two amounts the verifier derives from it: a request's cost from its usage, rounded half away from
 * zero to one micro-Credit per request (key-limits.md "Money"), and new-api's pre-consume estimate.
 */
public record CreditPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {

    /** new-api counts at least this many prompt tokens when it estimates a request. */
    public static final int MIN_ESTIMATED_PROMPT_TOKENS = 500;

    public CreditPrice {
        Objects.requireNonNull(inputPerMillion, "inputPerMillion");
        Objects.requireNonNull(outputPerMillion, "outputPerMillion");
        if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
    }

    public static CreditPrice of(String inputPerMillion, String outputPerMillion) {
        return new CreditPrice(new BigDecimal(inputPerMillion), new BigDecimal(outputPerMillion));
    }

    public boolean isZero() {
        return inputPerMillion.signum() == 0 && outputPerMillion.signum() == 0;
    }

    /** Cost of one request with this usage, in micro-Credits. */
    public long costMicroCredits(long promptTokens, long completionTokens) {
        return inputPerMillion
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(outputPerMillion.multiply(BigDecimal.valueOf(completionTokens)))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /**
     * new-api's pre-consume estimate: {@code max(prompt, 500)} input tokens plus {@code max_tokens}
     * output tokens when given (none otherwise).
     */
    public long estimateMicroCredits(long promptTokens, Integer maxTokens) {
        return costMicroCredits(
                Math.max(promptTokens, MIN_ESTIMATED_PROMPT_TOKENS),
                maxTokens == null ? 0 : maxTokens);
    }
}
