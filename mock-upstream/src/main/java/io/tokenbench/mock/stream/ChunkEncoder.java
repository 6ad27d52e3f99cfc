package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.Usage;
import java.nio.charset.StandardCharsets;

/**
 * Writes the SSE events of one chat completion stream, byte for byte as openai-wire.md prescribes:
 * {@code data: <single-line JSON>\n\n}, no {@code event:}/{@code id:} lines, {@code "usage":null}
 * on every chunk only when {@code include_usage} is on, never an {@code error} key in a normal
 * chunk. The per-stream prefix (id, created, model) is encoded once; the other constant parts are
 * static. Not thread-safe; used by the stream's event loop.
 */
public final class ChunkEncoder implements StreamEncoder {

    private static final byte[] CHOICE_INDEX = JsonText.ascii("{\"index\":");
    private static final byte[] ROLE_TEXT =
            JsonText.ascii(",\"delta\":{\"role\":\"assistant\",\"content\":\"\"}");
    private static final byte[] ROLE_TOOL =
            JsonText.ascii(",\"delta\":{\"role\":\"assistant\",\"content\":null}");
    private static final byte[] CONTENT_OPEN = JsonText.ascii(",\"delta\":{\"content\":\"");
    private static final byte[] CONTENT_CLOSE = JsonText.ascii("\"}");
    private static final byte[] TOOL_START_OPEN =
            JsonText.ascii(",\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"");
    private static final byte[] TOOL_START_NAME =
            JsonText.ascii("\",\"type\":\"function\",\"function\":{\"name\":\"");
    private static final byte[] TOOL_START_CLOSE = JsonText.ascii("\",\"arguments\":\"\"}}]}");
    private static final byte[] TOOL_ARGS_OPEN =
            JsonText.ascii(
                    ",\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"");
    private static final byte[] TOOL_ARGS_CLOSE = JsonText.ascii("\"}}]}");
    private static final byte[] NOT_FINISHED =
            JsonText.ascii(",\"logprobs\":null,\"finish_reason\":null}");
    private static final byte[] FINISH_OPEN =
            JsonText.ascii(",\"delta\":{},\"logprobs\":null,\"finish_reason\":\"");
    private static final byte[] FINISH_CLOSE = JsonText.ascii("\"}");
    private static final byte[] SUFFIX_PLAIN = JsonText.ascii("]}\n\n");
    private static final byte[] SUFFIX_USAGE_NULL = JsonText.ascii("],\"usage\":null}\n\n");
    private static final byte[] DONE = JsonText.ascii("data: [DONE]\n\n");

    private final byte[] prefix;
    private final byte[] suffix;
    private final byte[] usagePrefix;

    /**
     * @param modelEscaped the model id, already escaped for a JSON string
     * @param includeUsage {@code stream_options.include_usage}
     */
    public ChunkEncoder(
            String completionId,
            long createdEpochSeconds,
            byte[] modelEscaped,
            boolean includeUsage) {
        byte[] head =
                JsonText.ascii(
                        "data: {\"id\":\""
                                + completionId
                                + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                                + createdEpochSeconds
                                + ",\"model\":\"");
        this.usagePrefix = concat(head, modelEscaped, JsonText.ascii("\",\"choices\":[]"));
        this.prefix = concat(head, modelEscaped, JsonText.ascii("\",\"choices\":["));
        this.suffix = includeUsage ? SUFFIX_USAGE_NULL : SUFFIX_PLAIN;
    }

    /**
     * The first event of a choice: {@code role: assistant} with empty content (null for tool
     * calls).
     */
    @Override
    public void role(ByteBuf out, int choice, boolean toolCall) {
        open(out, choice);
        out.writeBytes(toolCall ? ROLE_TOOL : ROLE_TEXT);
        close(out);
    }

    /** Opens a content event; write the escaped text next, then {@link #closeContent}. */
    @Override
    public void openContent(ByteBuf out, int choice) {
        open(out, choice);
        out.writeBytes(CONTENT_OPEN);
    }

    @Override
    public void closeContent(ByteBuf out) {
        out.writeBytes(CONTENT_CLOSE);
        close(out);
    }

    /** The first fragment of a tool call: index, id, type, name and empty arguments. */
    @Override
    public void toolStart(ByteBuf out, int choice, String callId, byte[] functionNameEscaped) {
        open(out, choice);
        out.writeBytes(TOOL_START_OPEN);
        out.writeCharSequence(callId, StandardCharsets.US_ASCII);
        out.writeBytes(TOOL_START_NAME);
        out.writeBytes(functionNameEscaped);
        out.writeBytes(TOOL_START_CLOSE);
        close(out);
    }

    /**
     * Opens an argument fragment event; write the escaped fragment next, then {@link
     * #closeToolArguments}.
     */
    @Override
    public void openToolArguments(ByteBuf out, int choice) {
        open(out, choice);
        out.writeBytes(TOOL_ARGS_OPEN);
    }

    @Override
    public void closeToolArguments(ByteBuf out) {
        out.writeBytes(TOOL_ARGS_CLOSE);
        close(out);
    }

    /** The empty-delta event carrying the choice's {@code finish_reason}. */
    @Override
    public void finish(ByteBuf out, int choice, String finishReason) {
        out.writeBytes(prefix);
        out.writeBytes(CHOICE_INDEX);
        writeInt(out, choice);
        out.writeBytes(FINISH_OPEN);
        out.writeCharSequence(finishReason, StandardCharsets.US_ASCII);
        out.writeBytes(FINISH_CLOSE);
        out.writeBytes(suffix);
    }

    /** The {@code choices: []} event with the final usage (only with {@code include_usage}). */
    @Override
    public void usage(ByteBuf out, long promptTokens, long completionTokens) {
        out.writeBytes(usagePrefix);
        out.writeBytes(Usage.json(promptTokens, completionTokens));
        out.writeBytes(JsonText.ascii("}\n\n"));
    }

    public static void done(ByteBuf out) {
        out.writeBytes(DONE);
    }

    @Override
    public void end(ByteBuf out) {
        done(out);
    }

    @Override
    public void midStreamError(ByteBuf out) {
        serverErrorEvent(out);
    }

    /** The {@code protocol_error} fault: an event whose JSON is cut off. */
    @Override
    public void malformed(ByteBuf out, int choice) {
        out.writeBytes(prefix);
        out.writeBytes(CHOICE_INDEX);
        writeInt(out, choice);
        out.writeBytes(JsonText.ascii(",\"delta\":{\"content\":\"\n\n"));
    }

    /**
     * The in-band error event the upstream sends when it fails mid-stream (the {@code
     * stream_error_event} fault).
     */
    public static void serverErrorEvent(ByteBuf out) {
        errorEvent(
                out,
                ApiError.envelope(
                        "The server had an error while processing your request. Sorry about"
                                + " that!",
                        "server_error",
                        null,
                        null));
    }

    /** The in-band error event of the {@code stream_error_event} fault. */
    public static void errorEvent(ByteBuf out, byte[] errorEnvelope) {
        out.writeBytes(JsonText.ascii("data: "));
        out.writeBytes(errorEnvelope);
        out.writeBytes(JsonText.ascii("\n\n"));
    }

    private void open(ByteBuf out, int choice) {
        out.writeBytes(prefix);
        out.writeBytes(CHOICE_INDEX);
        writeInt(out, choice);
    }

    private void close(ByteBuf out) {
        out.writeBytes(NOT_FINISHED);
        out.writeBytes(suffix);
    }

    private static void writeInt(ByteBuf out, int value) {
        if (value < 10) {
            out.writeByte('0' + value);
        } else {
            out.writeCharSequence(Integer.toString(value), StandardCharsets.US_ASCII);
        }
    }

    private static byte[] concat(byte[]... parts) {
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
