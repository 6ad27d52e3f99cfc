package io.tokenbench.mock.openai;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.behavior.TokenText;
import java.nio.charset.StandardCharsets;

/**
 * Writes the non-streaming {@code chat.completion} body, with every field the SDKs require present
 * (also when null): {@code choices[].index}, {@code logprobs: null}, {@code message.refusal: null},
 * {@code message.content: null} on tool calls, integer {@code created}.
 */
public final class CompletionBody {

    private static final byte[] CHOICE_OPEN = JsonText.ascii("{\"index\":");
    private static final byte[] TEXT_MESSAGE =
            JsonText.ascii(",\"message\":{\"role\":\"assistant\",\"content\":\"");
    private static final byte[] TEXT_MESSAGE_END = JsonText.ascii("\",\"refusal\":null}");
    private static final byte[] TOOL_MESSAGE =
            JsonText.ascii(
                    ",\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"");
    private static final byte[] TOOL_TYPE =
            JsonText.ascii("\",\"type\":\"function\",\"function\":{\"name\":\"");
    private static final byte[] TOOL_ARGS = JsonText.ascii("\",\"arguments\":\"");
    private static final byte[] TOOL_MESSAGE_END = JsonText.ascii("\"}}],\"refusal\":null}");
    private static final byte[] FINISH = JsonText.ascii(",\"logprobs\":null,\"finish_reason\":\"");
    private static final byte[] ID_OPEN = JsonText.ascii("{\"id\":\"");
    private static final byte[] CREATED =
            JsonText.ascii("\",\"object\":\"chat.completion\",\"created\":");
    private static final byte[] MODEL = JsonText.ascii(",\"model\":\"");
    private static final byte[] CHOICES = JsonText.ascii("\",\"choices\":[");
    private static final byte[] CHOICE_CLOSE = JsonText.ascii("\"}");
    private static final byte[] TAIL = JsonText.ascii(",\"service_tier\":\"default\"}");

    private CompletionBody() {}

    /**
     * The body for {@code request}, drawing the words from {@code plan}.
     *
     * @param withUsage whether to write {@code usage} (false only for the {@code usage_missing}
     *     fault)
     */
    public static ByteBuf write(
            ByteBufAllocator alloc,
            String completionId,
            long createdEpochSeconds,
            ChatRequest request,
            RequestPlan plan,
            IdSource ids,
            boolean withUsage) {
        ByteBuf out = BodyBuffers.withHeadroom(alloc, 256 + 12 * plan.totalOutputTokens());
        out.writeBytes(ID_OPEN);
        out.writeCharSequence(completionId, StandardCharsets.US_ASCII);
        out.writeBytes(CREATED);
        JsonText.writeDecimal(out, createdEpochSeconds);
        out.writeBytes(MODEL);
        out.writeBytes(JsonText.escaped(request.model()));
        out.writeBytes(CHOICES);
        for (int i = 0; i < plan.choices(); i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            out.writeBytes(CHOICE_OPEN);
            JsonText.writeDecimal(out, i);
            int tokens = plan.outputTokens(i);
            if (request.toolCall().isPresent()) {
                ToolCallRequest call = request.toolCall().get();
                ToolArguments arguments = new ToolArguments(call);
                out.writeBytes(TOOL_MESSAGE);
                out.writeCharSequence(ids.toolCallId(), StandardCharsets.US_ASCII);
                out.writeBytes(TOOL_TYPE);
                out.writeBytes(JsonText.escaped(call.functionName()));
                out.writeBytes(TOOL_ARGS);
                for (int t = 0; t < tokens; t++) {
                    out.writeBytes(arguments.fragment(t, tokens, plan.nextWord()));
                }
                out.writeBytes(TOOL_MESSAGE_END);
            } else {
                out.writeBytes(TEXT_MESSAGE);
                for (int t = 0; t < tokens; t++) {
                    out.writeBytes(TokenText.bytes(plan.nextWord(), t == 0));
                }
                out.writeBytes(TEXT_MESSAGE_END);
            }
            out.writeBytes(FINISH);
            out.writeCharSequence(FinishReason.of(request, plan, i), StandardCharsets.US_ASCII);
            out.writeBytes(CHOICE_CLOSE);
        }
        out.writeByte(']');
        if (withUsage) {
            Usage.write(out, request.promptTokens(), plan.totalOutputTokens());
        }
        out.writeBytes(TAIL);
        return out;
    }
}
