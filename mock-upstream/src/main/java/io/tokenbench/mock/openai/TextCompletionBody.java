package io.tokenbench.mock.openai;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.behavior.TokenText;
import java.nio.charset.StandardCharsets;

/**
 * Writes the non-streaming legacy completion body ({@code "object":"text_completion"}): per choice
 * {@code text}, {@code index}, {@code logprobs: null}, {@code finish_reason}; then {@code usage}
 * with chat's field names.
 */
public final class TextCompletionBody {

    private TextCompletionBody() {}

    /**
     * @param withUsage whether to write {@code usage} (false only for the {@code usage_missing}
     *     fault)
     */
    public static ByteBuf write(
            ByteBufAllocator alloc,
            String completionId,
            long createdEpochSeconds,
            ChatRequest request,
            RequestPlan plan,
            boolean withUsage) {
        ByteBuf out = BodyBuffers.withHeadroom(alloc, 256 + 12 * plan.totalOutputTokens());
        ascii(out, "{\"id\":\"");
        ascii(out, completionId);
        ascii(out, "\",\"object\":\"text_completion\",\"created\":");
        ascii(out, Long.toString(createdEpochSeconds));
        ascii(out, ",\"model\":\"");
        out.writeBytes(JsonText.escaped(request.model()));
        ascii(out, "\",\"choices\":[");
        for (int i = 0; i < plan.choices(); i++) {
            if (i > 0) {
                out.writeByte(',');
            }
            ascii(out, "{\"text\":\"");
            int tokens = plan.outputTokens(i);
            for (int t = 0; t < tokens; t++) {
                out.writeBytes(TokenText.bytes(plan.nextWord(), t == 0));
            }
            ascii(out, "\",\"index\":");
            ascii(out, Integer.toString(i));
            ascii(out, ",\"logprobs\":null,\"finish_reason\":\"");
            ascii(out, FinishReason.of(request, plan, i));
            ascii(out, "\"}");
        }
        out.writeByte(']');
        if (withUsage) {
            out.writeBytes(Usage.json(request.promptTokens(), plan.totalOutputTokens()));
        }
        out.writeByte('}');
        return out;
    }

    private static void ascii(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.US_ASCII);
    }
}
