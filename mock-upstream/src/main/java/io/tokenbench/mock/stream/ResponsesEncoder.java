package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.openai.ResponsesJson;
import io.tokenbench.mock.openai.ResponsesJson.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The typed SSE events of a {@code POST /v1/responses} stream (responses-completions-datasets.md,
 * section 3): each event is {@code event: <type>\ndata: <JSON with the same type>\n\n}, with a
 * {@code sequence_number} from 0, +1 per event. Sent with the head: {@code response.created} and
 * {@code response.in_progress}; at time to first token {@code response.output_item.added} and
 * {@code response.content_part.added}; one {@code response.output_text.delta} per content step (the
 * first token is the first delta); then {@code response.output_text.done}, {@code
 * response.content_part.done}, {@code response.output_item.done} and the terminal {@code
 * response.completed} (or {@code response.incomplete} when {@code max_output_tokens} cut the
 * answer) carrying the full output and usage. No {@code [DONE]}: the body ends after the terminal
 * event. Faults: {@code missing_done} drops the terminal event, {@code usage_missing} sends it with
 * {@code "usage":null}, {@code stream_error_event} ends with {@code response.failed} ({@code
 * status: failed}, {@code error.code: server_error}). One choice (the API has no {@code n}). Not
 * thread-safe; one per stream.
 */
public final class ResponsesEncoder implements StreamEncoder {

    private static final byte[] DATA_TYPE = JsonText.ascii("\ndata: {\"type\":\"");
    private static final byte[] SEQUENCE = JsonText.ascii("\",\"sequence_number\":");
    private static final byte[] EVENT_END = JsonText.ascii("}\n\n");
    private static final byte[] NO_OUTPUT = new byte[0];

    private final ResponsesJson response;
    private final String messageId;
    private final byte[] itemFields;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream(256);
    private int sequenceNumber;
    private int textStart;
    private boolean itemOpened;
    private Status status = Status.COMPLETED;
    private byte[] usage;

    /**
     * @param response the response's constant fields
     * @param messageId {@code msg_...}, the output item's id
     */
    public ResponsesEncoder(ResponsesJson response, String messageId) {
        this.response = response;
        this.messageId = messageId;
        this.itemFields =
                JsonText.ascii(
                        ",\"item_id\":\""
                                + messageId
                                + "\",\"output_index\":0,\"content_index\":0");
    }

    @Override
    public boolean hasOpening() {
        return true;
    }

    @Override
    public void opening(ByteBuf out) {
        lifecycle(out, "response.created", Status.IN_PROGRESS, NO_OUTPUT, null);
        lifecycle(out, "response.in_progress", Status.IN_PROGRESS, NO_OUTPUT, null);
    }

    @Override
    public void role(ByteBuf out, int choice, boolean toolCall) {
        itemOpened = true;
        open(out, "response.output_item.added");
        ascii(out, ",\"output_index\":0,\"item\":");
        out.writeBytes(ResponsesJson.messageItem(messageId, "in_progress", null));
        out.writeBytes(EVENT_END);
        open(out, "response.content_part.added");
        out.writeBytes(itemFields);
        ascii(out, ",\"part\":");
        out.writeBytes(ResponsesJson.outputTextPart(NO_OUTPUT));
        out.writeBytes(EVENT_END);
    }

    @Override
    public void openContent(ByteBuf out, int choice) {
        open(out, "response.output_text.delta");
        out.writeBytes(itemFields);
        ascii(out, ",\"delta\":\"");
        textStart = out.writerIndex();
    }

    @Override
    public void closeContent(ByteBuf out) {
        int length = out.writerIndex() - textStart;
        byte[] delta = new byte[length];
        out.getBytes(textStart, delta);
        text.writeBytes(delta);
        ascii(out, "\",\"logprobs\":[]");
        out.writeBytes(EVENT_END);
    }

    @Override
    public void toolStart(ByteBuf out, int choice, String callId, byte[] functionNameEscaped) {
        throw new UnsupportedOperationException("the mock's Responses API has no tool calls");
    }

    @Override
    public void openToolArguments(ByteBuf out, int choice) {
        throw new UnsupportedOperationException("the mock's Responses API has no tool calls");
    }

    @Override
    public void closeToolArguments(ByteBuf out) {
        throw new UnsupportedOperationException("the mock's Responses API has no tool calls");
    }

    @Override
    public void finish(ByteBuf out, int choice, String finishReason) {
        status = "length".equals(finishReason) ? Status.INCOMPLETE : Status.COMPLETED;
        byte[] fullText = text.toByteArray();
        open(out, "response.output_text.done");
        out.writeBytes(itemFields);
        ascii(out, ",\"text\":\"");
        out.writeBytes(fullText);
        ascii(out, "\",\"logprobs\":[]");
        out.writeBytes(EVENT_END);
        open(out, "response.content_part.done");
        out.writeBytes(itemFields);
        ascii(out, ",\"part\":");
        out.writeBytes(ResponsesJson.outputTextPart(fullText));
        out.writeBytes(EVENT_END);
        open(out, "response.output_item.done");
        ascii(out, ",\"output_index\":0,\"item\":");
        out.writeBytes(finalItem());
        out.writeBytes(EVENT_END);
    }

    /** Remembers the usage for the terminal event (the Responses API has no usage chunk). */
    @Override
    public void usage(ByteBuf out, long promptTokens, long completionTokens) {
        usage = ResponsesJson.usage(promptTokens, completionTokens);
    }

    /** The terminal event: {@code response.completed}, or {@code response.incomplete}. */
    @Override
    public void end(ByteBuf out) {
        lifecycle(
                out,
                status == Status.INCOMPLETE ? "response.incomplete" : "response.completed",
                status,
                finalItem(),
                usage);
    }

    @Override
    public void malformed(ByteBuf out, int choice) {
        open(out, "response.output_text.delta");
        out.writeBytes(itemFields);
        ascii(out, ",\"delta\":\"\n\n");
    }

    /** {@code response.failed}: the output so far (item {@code incomplete}), no usage. */
    @Override
    public void midStreamError(ByteBuf out) {
        byte[] output =
                itemOpened
                        ? ResponsesJson.messageItem(
                                messageId, Status.INCOMPLETE.wire(), text.toByteArray())
                        : NO_OUTPUT;
        lifecycle(out, "response.failed", Status.FAILED, output, null);
    }

    private byte[] finalItem() {
        return ResponsesJson.messageItem(messageId, status.wire(), text.toByteArray());
    }

    private void lifecycle(ByteBuf out, String type, Status status, byte[] output, byte[] usage) {
        open(out, type);
        ascii(out, ",\"response\":");
        response.writeResponse(out, status, output, usage);
        out.writeBytes(EVENT_END);
    }

    /** {@code event: TYPE\ndata: {"type":"TYPE","sequence_number":N}; the caller closes it. */
    private void open(ByteBuf out, String type) {
        ascii(out, "event: ");
        ascii(out, type);
        out.writeBytes(DATA_TYPE);
        ascii(out, type);
        out.writeBytes(SEQUENCE);
        ascii(out, Integer.toString(sequenceNumber++));
    }

    private static void ascii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }
}
