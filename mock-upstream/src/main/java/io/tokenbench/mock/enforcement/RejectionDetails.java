package io.tokenbench.mock.enforcement;

import java.time.Instant;

/**
 * What some error messages quote. Never contains a key secret.
 *
 * @param requestId the request id
 * @param model the requested model
 * @param remainingMicroCredits the key's remaining Credits at the check
 * @param neededMicroCredits the pre-consume estimate
 * @param limitMicroCredits the key's limit
 * @param expiresAt the key's expiry, or null
 * @param now emulator time
 */
public record RejectionDetails(
        String requestId,
        String model,
        long remainingMicroCredits,
        long neededMicroCredits,
        long limitMicroCredits,
        Instant expiresAt,
        Instant now) {

    public static RejectionDetails of(String requestId, String model, Instant now) {
        return new RejectionDetails(requestId, model, 0, 0, 0, null, now);
    }
}
