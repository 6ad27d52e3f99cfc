package io.tokenbench.simulations.keys.checks;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the checks need to know besides the target, validated once.
 *
 * @param concurrencies the concurrency levels of the limit matrix (1, 4, 16, 64 by default)
 * @param maxTokens {@code max_tokens} of the "with max_tokens" cells
 * @param limitRequests mock keys get a limit of about this many requests (the drive then needs
 *     limitRequests + concurrency requests)
 * @param leakProbes requests sent to a key whose ledger shows remaining <= 0
 * @param settleTimeout how long the ledger may take to show every request's cost
 * @param expectedErrorStyle newapi | openai | openrouter | litellm: the error contract to check
 * @param expectedCancelBilling tokens_emitted | zero | input_only | full
 * @param waitForReset against a live gateway: wait for the key's next real reset boundary
 */
public record VerifySettings(
        List<Integer> concurrencies,
        int maxTokens,
        int limitRequests,
        int leakProbes,
        Duration settleTimeout,
        String expectedErrorStyle,
        String expectedCancelBilling,
        boolean waitForReset) {

    public static final Set<String> ERROR_STYLES =
            Set.of("newapi", "openai", "openrouter", "litellm");
    public static final Set<String> CANCEL_BILLINGS =
            Set.of("tokens_emitted", "zero", "input_only", "full");

    public VerifySettings {
        concurrencies = List.copyOf(concurrencies);
        if (concurrencies.isEmpty() || concurrencies.stream().anyMatch(c -> c < 1 || c > 1024)) {
            throw new IllegalArgumentException(
                    "concurrency levels must be 1..1024: " + concurrencies);
        }
        if (maxTokens < 1 || limitRequests < 1 || leakProbes < 1) {
            throw new IllegalArgumentException(
                    "max_tokens, limit_requests and leak_probes must be >= 1");
        }
        Objects.requireNonNull(settleTimeout, "settleTimeout");
        if (!ERROR_STYLES.contains(expectedErrorStyle)) {
            throw new IllegalArgumentException(
                    "error style must be one of " + ERROR_STYLES + ": " + expectedErrorStyle);
        }
        if (!CANCEL_BILLINGS.contains(expectedCancelBilling)) {
            throw new IllegalArgumentException(
                    "cancel billing must be one of "
                            + CANCEL_BILLINGS
                            + ": "
                            + expectedCancelBilling);
        }
    }

    public static VerifySettings defaults() {
        return new VerifySettings(
                List.of(1, 4, 16, 64),
                200,
                8,
                3,
                Duration.ofSeconds(5),
                "newapi",
                "tokens_emitted",
                false);
    }
}
