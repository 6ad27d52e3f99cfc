package io.tokenbench.simulations.stream;

import io.tokenbench.reports.record.Outcome;

/**
 * Names how an exchange ended (metrics.md "Outcomes"). Pure: the same facts give the same outcome.
 * The order of the rules is the decision: the earliest failure a user would notice wins.
 */
public final class OutcomeClassifier {
    private OutcomeClassifier() {}

    public static Outcome classify(ExchangeFacts f) {
        if (f.end() == EndReason.CANCELLED) {
            return Outcome.CANCELLED;
        }
        if (f.status() == 0) {
            return switch (f.end()) {
                // No connection (refused, TLS, unresolvable): connect_failed. A connection that
                // closed after the request was written, before the status line: connection_lost.
                case CONNECT_ERROR -> Outcome.CONNECT_FAILED;
                case RESET, COMPLETE -> Outcome.CONNECTION_LOST;
                case TIMEOUT_IDLE, TIMEOUT_FIRST_TOKEN, TIMEOUT_TOTAL ->
                        Outcome.TIMEOUT_FIRST_TOKEN;
                case CANCELLED -> Outcome.CANCELLED;
            };
        }
        if (f.status() == 429) {
            return Outcome.HTTP_429;
        }
        if (f.status() >= 400 && f.status() < 500) {
            return Outcome.HTTP_4XX;
        }
        if (f.status() >= 500) {
            return Outcome.HTTP_5XX;
        }
        if (f.status() != 200 || (f.streamed() && !f.eventStream())) {
            return Outcome.PROTOCOL_ERROR;
        }
        if (f.sawErrorEvent()) {
            return Outcome.STREAM_ERROR_EVENT;
        }
        if (f.malformed()) {
            return Outcome.PROTOCOL_ERROR;
        }
        switch (f.end()) {
            case TIMEOUT_FIRST_TOKEN:
                return Outcome.TIMEOUT_FIRST_TOKEN;
            case TIMEOUT_IDLE:
                return Outcome.TIMEOUT_IDLE;
            case TIMEOUT_TOTAL:
                return f.outputEvents() == 0 ? Outcome.TIMEOUT_FIRST_TOKEN : Outcome.TIMEOUT_IDLE;
            case RESET:
            case CONNECT_ERROR:
                return Outcome.STREAM_TRUNCATED;
            default:
                break;
        }
        if (f.streamed() && (!f.sawDone() || !f.sawFinish())) {
            return Outcome.STREAM_TRUNCATED;
        }
        if (!f.streamed() && !f.sawFinish()) {
            return Outcome.PROTOCOL_ERROR;
        }
        return f.usagePresent() ? Outcome.OK : Outcome.USAGE_MISSING;
    }
}
