package io.tokenbench.reports.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The request log's line as {@code RequestRecordJson} wrote it before it wrote bytes: a String
 * built with a StringBuilder. Kept only as the oracle of {@code RequestRecordBytesTest}.
 */
final class RequestRecordJsonReference {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestRecordJsonReference() {}

    /** One line, without the newline. */
    static String toJson(RequestRecord r) {
        StringBuilder sb = new StringBuilder(320);
        sb.append("{\"id\":").append(r.id());
        sb.append(",\"class\":\"").append(r.endpoint().wireName());
        sb.append("\",\"phase\":\"").append(r.phase());
        sb.append("\",\"injector\":");
        sb.append(quote(r.injector()));
        sb.append(",\"outcome\":\"").append(r.outcome().wireName());
        sb.append("\",\"status\":").append(r.status());
        sb.append(",\"t_sched\":");
        micros(sb, r.tSchedEpochMillis());
        sb.append(",\"t_send\":");
        micros(sb, r.tSendEpochMillis());
        sb.append(",\"ttfb_ms\":");
        micros(sb, r.ttfbMillis());
        sb.append(",\"ttft_ms\":");
        micros(sb, r.ttftMillis());
        sb.append(",\"e2e_ms\":");
        micros(sb, r.e2eMillis());
        sb.append(",\"input_tokens\":");
        count(sb, r.inputTokens());
        sb.append(",\"output_tokens\":");
        count(sb, r.outputTokens());
        sb.append(",\"output_tokens_counted\":");
        count(sb, r.outputTokensCounted());
        sb.append(",\"retries\":").append(r.retries());
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Milliseconds with three decimals (microseconds), or null. */
    private static void micros(StringBuilder sb, double millis) {
        if (Double.isNaN(millis)) {
            sb.append("null");
            return;
        }
        long micros = Math.round(millis * 1000.0);
        long whole = Math.floorDiv(micros, 1000L);
        long frac = Math.floorMod(micros, 1000L);
        sb.append(whole).append('.');
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private static void count(StringBuilder sb, long n) {
        if (n < 0) {
            sb.append("null");
        } else {
            sb.append(n);
        }
    }
}
