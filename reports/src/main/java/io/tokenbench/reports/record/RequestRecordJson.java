package io.tokenbench.reports.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/**
 * The line format of {@code requests.jsonl.gz}: one JSON object per request, fields in a fixed
 * order, times and durations with microsecond resolution, {@code null} for what does not apply:
 *
 * <pre>
 * {"id":17,"class":"chat","phase":"measured","injector":"0","outcome":"ok","status":200,
 * "t_sched":1764359000340.000,"t_send":1764359000341.204,"ttfb_ms":48.113,"ttft_ms":101.5,
 * "e2e_ms":212.77,"input_tokens":100,"output_tokens":12,"output_tokens_counted":12,"retries":0}
 * </pre>
 */
public final class RequestRecordJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestRecordJson() {}

    private static final byte[] ID = ascii("{\"id\":");
    private static final byte[] CLASS = ascii(",\"class\":\"");
    private static final byte[] PHASE = ascii("\",\"phase\":\"");
    private static final byte[] INJECTOR = ascii("\",\"injector\":");
    private static final byte[] OUTCOME = ascii(",\"outcome\":\"");
    private static final byte[] STATUS = ascii("\",\"status\":");
    private static final byte[] T_SCHED = ascii(",\"t_sched\":");
    private static final byte[] T_SEND = ascii(",\"t_send\":");
    private static final byte[] TTFB = ascii(",\"ttfb_ms\":");
    private static final byte[] TTFT = ascii(",\"ttft_ms\":");
    private static final byte[] E2E = ascii(",\"e2e_ms\":");
    private static final byte[] INPUT = ascii(",\"input_tokens\":");
    private static final byte[] OUTPUT = ascii(",\"output_tokens\":");
    private static final byte[] COUNTED = ascii(",\"output_tokens_counted\":");
    private static final byte[] RETRIES = ascii(",\"retries\":");

    /**
     * Appends one line (without the newline) to {@code out} as UTF-8, without building a String:
     * the request log's writer thread runs this once per request. {@code injector} is the record's
     * injector quoted as a JSON string in UTF-8 ({@link #quotedUtf8}), quoted once per run by the
     * caller.
     */
    static void write(RequestRecord r, byte[] injector, JsonLineBytes out) {
        out.append(ID).appendDecimal(r.id());
        out.append(CLASS).appendText(r.endpoint().wireName());
        out.append(PHASE).appendText(r.phase());
        out.append(INJECTOR).append(injector);
        out.append(OUTCOME).appendText(r.outcome().wireName());
        out.append(STATUS).appendDecimal(r.status());
        out.append(T_SCHED);
        micros(out, r.tSchedEpochMillis());
        out.append(T_SEND);
        micros(out, r.tSendEpochMillis());
        out.append(TTFB);
        micros(out, r.ttfbMillis());
        out.append(TTFT);
        micros(out, r.ttftMillis());
        out.append(E2E);
        micros(out, r.e2eMillis());
        out.append(INPUT);
        count(out, r.inputTokens());
        out.append(OUTPUT);
        count(out, r.outputTokens());
        out.append(COUNTED);
        count(out, r.outputTokensCounted());
        out.append(RETRIES).appendDecimal(r.retries());
        out.append('}');
    }

    /** {@code s} as a JSON string (quoted, escaped by Jackson) in UTF-8. */
    static byte[] quotedUtf8(String s) {
        return quote(s).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Milliseconds with three decimals (microseconds), or null. */
    private static void micros(JsonLineBytes out, double millis) {
        if (Double.isNaN(millis)) {
            out.appendNull();
            return;
        }
        long micros = Math.round(millis * 1000.0);
        long whole = Math.floorDiv(micros, 1000L);
        long frac = Math.floorMod(micros, 1000L);
        out.appendDecimal(whole).append('.');
        if (frac < 100) {
            out.append('0');
        }
        if (frac < 10) {
            out.append('0');
        }
        out.appendDecimal(frac);
    }

    private static void count(JsonLineBytes out, long n) {
        if (n < 0) {
            out.appendNull();
        } else {
            out.appendDecimal(n);
        }
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public static RequestRecord parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String cls = text(n, "class");
        String outcome = text(n, "outcome");
        return new RequestRecord(
                n.path("id").asLong(),
                EndpointClass.fromWireName(cls)
                        .orElseThrow(
                                () -> new IllegalArgumentException("unknown class '" + cls + "'")),
                text(n, "phase"),
                text(n, "injector"),
                Outcome.fromWireName(outcome)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown outcome '" + outcome + "'")),
                n.path("status").asInt(),
                number(n, "t_sched"),
                number(n, "t_send"),
                number(n, "ttfb_ms"),
                number(n, "ttft_ms"),
                number(n, "e2e_ms"),
                n.path("input_tokens").isNumber()
                        ? n.get("input_tokens").asLong()
                        : RequestTimeline.UNKNOWN,
                n.path("output_tokens").isNumber()
                        ? n.get("output_tokens").asLong()
                        : RequestTimeline.UNKNOWN,
                n.path("output_tokens_counted").isNumber()
                        ? n.get("output_tokens_counted").asLong()
                        : RequestTimeline.UNKNOWN,
                n.path("retries").asInt());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }
}
