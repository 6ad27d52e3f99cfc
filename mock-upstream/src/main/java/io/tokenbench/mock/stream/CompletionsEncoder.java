package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.Usage;
import java.nio.charset.StandardCharsets;

/**
 * The SSE events of a legacy {@code POST /v1/completions} stream, as OpenAI and vLLM send them:
 * {@code data: <single-line JSON>\n\n} chunks with {@code "object":"text_completion"} and {@code
 * choices[].text} holding the new text; a separate empty-text chunk per choice carries its {@code
 * finish_reason}; with {@code stream_options.include_usage} every chunk has {@code "usage":null}
 * and a last {@code "choices":[]} chunk the usage; then {@code data: [DONE]}. No role event (the
 * first chunk at time to first token already carries text). Not thread-safe; one per stream.
 */
public final class CompletionsEncoder implements StreamEncoder {

    private static final byte[] TEXT_OPEN = JsonText.ascii("{\"text\":\"");
    private static final byte[] INDEX = JsonText.ascii("\",\"index\":");
    private static final byte[] NOT_FINISHED =
            JsonText.ascii(",\"logprobs\":null,\"finish_reason\":null}");
    private static final byte[] FINISH_OPEN =
            JsonText.ascii(",\"logprobs\":null,\"finish_reason\":\"");
    private static final byte[] FINISH_CLOSE = JsonText.ascii("\"}");
    private static final byte[] SUFFIX_PLAIN = JsonText.ascii("]}\n\n");
    private static final byte[] SUFFIX_USAGE_NULL = JsonText.ascii("],\"usage\":null}\n\n");

    private final byte[] prefix;
    private final byte[] usagePrefix;
    private final byte[] suffix;
    private int openChoice;

    /**
     * @param completionId {@code cmpl-...}
     * @param modelEscaped the model id, already escaped for a JSON string
     * @param includeUsage {@code stream_options.include_usage}
     */
    public CompletionsEncoder(
            String completionId,
            long createdEpochSeconds,
            byte[] modelEscaped,
            boolean includeUsage) {
        String head =
                "data: {\"id\":\""
                        + completionId
                        + "\",\"object\":\"text_completion\",\"created\":"
                        + createdEpochSeconds
                        + ",\"model\":\"";
        String model = new String(modelEscaped, StandardCharsets.UTF_8);
        this.prefix = (head + model + "\",\"choices\":[").getBytes(StandardCharsets.UTF_8);
        this.usagePrefix = (head + model + "\",\"choices\":[]").getBytes(StandardCharsets.UTF_8);
        this.suffix = includeUsage ? SUFFIX_USAGE_NULL : SUFFIX_PLAIN;
    }

    /** Nothing: legacy completions have no role event. */
    @Override
    public void role(ByteBuf out, int choice, boolean toolCall) {}

    @Override
    public void openContent(ByteBuf out, int choice) {
        out.writeBytes(prefix);
        out.writeBytes(TEXT_OPEN);
        openChoice = choice;
    }

    @Override
    public void closeContent(ByteBuf out) {
        out.writeBytes(INDEX);
        writeInt(out, openChoice);
        out.writeBytes(NOT_FINISHED);
        out.writeBytes(suffix);
    }

    @Override
    public void toolStart(ByteBuf out, int choice, String callId, byte[] functionNameEscaped) {
        throw new UnsupportedOperationException("legacy completions have no tool calls");
    }

    @Override
    public void openToolArguments(ByteBuf out, int choice) {
        throw new UnsupportedOperationException("legacy completions have no tool calls");
    }

    @Override
    public void closeToolArguments(ByteBuf out) {
        throw new UnsupportedOperationException("legacy completions have no tool calls");
    }

    @Override
    public void finish(ByteBuf out, int choice, String finishReason) {
        out.writeBytes(prefix);
        out.writeBytes(TEXT_OPEN);
        out.writeBytes(INDEX);
        writeInt(out, choice);
        out.writeBytes(FINISH_OPEN);
        out.writeCharSequence(finishReason, StandardCharsets.US_ASCII);
        out.writeBytes(FINISH_CLOSE);
        out.writeBytes(suffix);
    }

    @Override
    public void usage(ByteBuf out, long promptTokens, long completionTokens) {
        out.writeBytes(usagePrefix);
        out.writeBytes(Usage.json(promptTokens, completionTokens));
        out.writeBytes(JsonText.ascii("}\n\n"));
    }

    @Override
    public void end(ByteBuf out) {
        ChunkEncoder.done(out);
    }

    @Override
    public void malformed(ByteBuf out, int choice) {
        out.writeBytes(prefix);
        out.writeBytes(JsonText.ascii("{\"text\":\"\n\n"));
    }

    /** The same in-band {@code data: {"error":...}} event as chat's. */
    @Override
    public void midStreamError(ByteBuf out) {
        ChunkEncoder.serverErrorEvent(out);
    }

    private static void writeInt(ByteBuf out, int value) {
        out.writeCharSequence(Integer.toString(value), StandardCharsets.US_ASCII);
    }
}
