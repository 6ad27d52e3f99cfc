package io.tokenbench.mock.openai;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The JSON of the Responses API's objects, written by hand on the hot path: the {@code response}
 * object (also inside the stream's lifecycle events), the assistant {@code message} output item,
 * its {@code output_text} part and {@code usage}. Every field openai-java requires is present, also
 * when null (see responses-completions-datasets.md, sections 2 and 4.4): {@code tools}, {@code
 * tool_choice}, {@code parallel_tool_calls}, {@code output}, {@code annotations: []}, {@code
 * logprobs: []}, {@code cached_tokens}, {@code cache_write_tokens}, {@code reasoning_tokens}.
 *
 * @param responseId {@code resp_...}
 * @param createdEpochSeconds {@code created_at}
 * @param modelEscaped the model id escaped for a JSON string
 * @param instructionsEscaped {@code instructions} escaped for a JSON string, or null
 * @param maxOutputTokens {@code max_output_tokens} when given
 * @param store the request's {@code store} (echoed, as the real API does)
 */
public record ResponsesJson(
        String responseId,
        long createdEpochSeconds,
        byte[] modelEscaped,
        byte[] instructionsEscaped,
        OptionalInt maxOutputTokens,
        boolean store) {

    /** {@code status} of a response. */
    public enum Status {
        IN_PROGRESS("in_progress"),
        COMPLETED("completed"),
        INCOMPLETE("incomplete"),
        FAILED("failed");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private static final byte[] SERVER_ERROR =
            JsonText.ascii(
                    "{\"code\":\"server_error\",\"message\":\"The server had an error while"
                            + " processing your request. Sorry about that!\"}");

    public ResponsesJson {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(modelEscaped, "modelEscaped");
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
    }

    /**
     * Writes the {@code response} object.
     *
     * @param output the items of {@code output}, already joined with commas (empty for none)
     * @param usage the {@code usage} object, or null (lifecycle events, the {@code usage_missing}
     *     fault)
     */
    public void writeResponse(ByteBuf out, Status status, byte[] output, byte[] usage) {
        ascii(out, "{\"id\":\"");
        ascii(out, responseId);
        ascii(out, "\",\"object\":\"response\",\"created_at\":");
        ascii(out, Long.toString(createdEpochSeconds));
        ascii(out, ",\"status\":\"");
        ascii(out, status.wire());
        ascii(out, "\",\"background\":false,\"error\":");
        if (status == Status.FAILED) {
            out.writeBytes(SERVER_ERROR);
        } else {
            ascii(out, "null");
        }
        ascii(out, ",\"incomplete_details\":");
        ascii(out, status == Status.INCOMPLETE ? "{\"reason\":\"max_output_tokens\"}" : "null");
        ascii(out, ",\"instructions\":");
        quotedOrNull(out, instructionsEscaped);
        ascii(out, ",\"max_output_tokens\":");
        ascii(
                out,
                maxOutputTokens.isPresent()
                        ? Integer.toString(maxOutputTokens.getAsInt())
                        : "null");
        ascii(out, ",\"max_tool_calls\":null,\"model\":\"");
        out.writeBytes(modelEscaped);
        ascii(out, "\",\"output\":[");
        out.writeBytes(output);
        ascii(
                out,
                "],\"parallel_tool_calls\":true,\"previous_response_id\":null,"
                        + "\"reasoning\":{\"effort\":null,\"summary\":null},"
                        + "\"service_tier\":\"default\",\"store\":");
        ascii(out, Boolean.toString(store));
        ascii(
                out,
                ",\"temperature\":1.0,\"text\":{\"format\":{\"type\":\"text\"},"
                        + "\"verbosity\":\"medium\"},\"tool_choice\":\"auto\",\"tools\":[],"
                        + "\"top_logprobs\":0,\"top_p\":1.0,\"truncation\":\"disabled\","
                        + "\"usage\":");
        if (usage == null) {
            ascii(out, "null");
        } else {
            out.writeBytes(usage);
        }
        ascii(out, ",\"user\":null,\"metadata\":{}}");
    }

    /** The assistant {@code message} item with one {@code output_text} part (none when null). */
    public static byte[] messageItem(String messageId, String status, byte[] textEscaped) {
        StringBuilder json =
                new StringBuilder("{\"id\":\"")
                        .append(messageId)
                        .append("\",\"type\":\"message\",\"status\":\"")
                        .append(status)
                        .append("\",\"content\":[");
        byte[] head = json.toString().getBytes(StandardCharsets.UTF_8);
        byte[] part = textEscaped == null ? new byte[0] : outputTextPart(textEscaped);
        byte[] tail = JsonText.ascii("],\"role\":\"assistant\"}");
        return concat(head, part, tail);
    }

    /** {@code {"type":"output_text","annotations":[],"logprobs":[],"text":"..."}}. */
    public static byte[] outputTextPart(byte[] textEscaped) {
        return concat(
                JsonText.ascii(
                        "{\"type\":\"output_text\",\"annotations\":[],\"logprobs\":[],\"text\":\""),
                textEscaped,
                JsonText.ascii("\"}"));
    }

    /** The Responses {@code usage} object (input/output token names, all details present). */
    public static byte[] usage(long inputTokens, long outputTokens) {
        return JsonText.ascii(
                "{\"input_tokens\":"
                        + inputTokens
                        + ",\"input_tokens_details\":{\"cached_tokens\":0,\"cache_write_tokens\":0},"
                        + "\"output_tokens\":"
                        + outputTokens
                        + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":"
                        + (inputTokens + outputTokens)
                        + "}");
    }

    private static void quotedOrNull(ByteBuf out, byte[] escaped) {
        if (escaped == null) {
            ascii(out, "null");
            return;
        }
        out.writeByte('"');
        out.writeBytes(escaped);
        out.writeByte('"');
    }

    private static void ascii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
