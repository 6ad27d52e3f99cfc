package io.tokenbench.mock.server;

import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.logging.RateLimitedLog;
import io.tokenbench.mock.stats.ServerStats;

/**
 * Settles one admitted request exactly once, however many paths try to end it (normal end, client
 * gone, fault). A gate that throws is reported and does not break the connection. Event loop only.
 */
final class Settler {

    private static final RateLimitedLog LOG = RateLimitedLog.named("io.tokenbench.mock.server");

    private final RequestGate gate;
    private final ServerStats stats;
    private final String requestId;
    private final Admission.Admitted admitted;
    private final String endpoint;
    private final String model;
    private final boolean stream;
    private final long promptTokens;
    private boolean settled;

    Settler(
            RequestGate gate,
            ServerStats stats,
            String requestId,
            Admission.Admitted admitted,
            String endpoint,
            String model,
            boolean stream,
            long promptTokens) {
        this.gate = gate;
        this.stats = stats;
        this.requestId = requestId;
        this.admitted = admitted;
        this.endpoint = endpoint;
        this.model = model;
        this.stream = stream;
        this.promptTokens = promptTokens;
    }

    /**
     * @param status the HTTP status sent (0 when the connection was reset before any)
     * @param completionTokens output tokens emitted (or generated, for complete bodies)
     */
    void settle(int status, Settlement.End end, long completionTokens) {
        if (settled) {
            return;
        }
        settled = true;
        stats.settled(end);
        try {
            gate.settle(
                    new Settlement(
                            requestId,
                            admitted,
                            endpoint,
                            model,
                            stream,
                            status,
                            Settlement.Usage.tokens(promptTokens, completionTokens),
                            end));
        } catch (RuntimeException e) {
            LOG.error("gate.settle failed for " + requestId, e);
        }
    }
}
