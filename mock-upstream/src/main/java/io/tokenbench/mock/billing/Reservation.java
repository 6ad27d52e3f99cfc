package io.tokenbench.mock.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An admitted request between admission and settlement.
 *
 * @param requestId the request id
 * @param keyId the key's id
 * @param reservedMicroCredits what pre-consume reserved (already in the key's ledger)
 * @param periodStart the key's period at admission (for attribution across a reset)
 * @param admittedAt emulator time of admission
 * @param promptTokens the prompt tokens the estimate used
 * @param maxOutputTokens {@code max_tokens} when the client sent it
 */
public record Reservation(
        String requestId,
        long keyId,
        long reservedMicroCredits,
        Instant periodStart,
        Instant admittedAt,
        int promptTokens,
        OptionalInt maxOutputTokens) {

    public Reservation {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(admittedAt, "admittedAt");
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
    }
}
