package io.tokenbench.mock.gate;

import java.util.Map;

/**
 * Admits and settles {@code /v1/*} requests.
 *
 * <p>Thread-safety: called concurrently from Netty event loops; implementations must be thread-safe
 * and must never block (no I/O, no sleeping, no lock held across I/O).
 */
public interface RequestGate {

    /**
     * Decides whether a request may proceed. Called once per request, after the body was parsed and
     * before any upstream work (no bytes of the response are written before this returns).
     */
    Admission admit(AdmissionRequest request);

    /**
     * Settles an admitted request from its final usage. Called exactly once per admitted request by
     * the HTTP layer; implementations must still be idempotent per {@code requestId}.
     */
    void settle(Settlement settlement);

    /**
     * Headers every response to {@code requestId} carries, admitted or not (new-api sends {@code
     * X-Oneapi-Request-Id}). None by default.
     */
    default Map<String, String> responseHeaders(String requestId) {
        return Map.of();
    }
}
