package io.tokenbench.simulations.stream;

/**
 * What was observed about one exchange, the only input of {@link OutcomeClassifier}.
 *
 * @param streamed the request asked for SSE
 * @param status HTTP status, 0 when no response headers arrived
 * @param eventStream the response's content type was {@code text/event-stream}
 * @param end how the transport ended
 * @param outputEvents output-bearing events seen (or 1 for a non-streamed body with output)
 * @param sawDone {@code data: [DONE]} arrived
 * @param sawFinish a choice reported a finish_reason
 * @param sawErrorEvent an in-band {@code {"error":...}} event arrived
 * @param malformed an event or body could not be parsed, or the body ended mid-event
 * @param usagePresent the server sent usage with completion_tokens
 */
public record ExchangeFacts(
        boolean streamed,
        int status,
        boolean eventStream,
        EndReason end,
        int outputEvents,
        boolean sawDone,
        boolean sawFinish,
        boolean sawErrorEvent,
        boolean malformed,
        boolean usagePresent) {}
