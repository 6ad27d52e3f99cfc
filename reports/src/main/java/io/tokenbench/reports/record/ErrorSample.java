package io.tokenbench.reports.record;

import java.util.Map;
import java.util.Objects;

/**
 * One line of {@code errors.jsonl}: a failed request's response as the target sent it, with secrets
 * redacted.
 *
 * @param epochMillis when it was sampled
 * @param endpoint endpoint class
 * @param outcome the request's outcome
 * @param status HTTP status, 0 when no response arrived
 * @param injector the injector that saw it
 * @param headers {@code Retry-After}, request-id and rate-limit headers (lower-case names)
 * @param body the body, redacted and cut at {@link ErrorSampler#MAX_BODY_BYTES} bytes
 * @param bodyBytes length of the body as received, in UTF-8 bytes
 * @param bodyTruncated true when {@code body} was cut
 */
public record ErrorSample(
        long epochMillis,
        EndpointClass endpoint,
        Outcome outcome,
        int status,
        String injector,
        Map<String, String> headers,
        String body,
        long bodyBytes,
        boolean bodyTruncated) {

    public ErrorSample {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(injector, "injector");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
