package io.tokenbench.mock.openai;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.behavior.TokenText;
import io.tokenbench.mock.openai.ResponsesJson.Status;
import java.io.ByteArrayOutputStream;

/**
 * Writes the non-streamed Responses API body: the {@code response} object with one assistant {@code
 * message} item, {@code status: completed}, or {@code incomplete} with {@code
 * incomplete_details.reason: max_output_tokens} when {@code max_output_tokens} cut the answer.
 */
public final class ResponseBody {

    private ResponseBody() {}

    /**
     * @param withUsage whether to write {@code usage} ({@code null} for the {@code usage_missing}
     *     fault)
     */
    public static ByteBuf write(
            ByteBufAllocator alloc,
            ResponsesJson response,
            String messageId,
            ChatRequest request,
            RequestPlan plan,
            boolean withUsage) {
        int tokens = plan.outputTokens(0);
        ByteArrayOutputStream text = new ByteArrayOutputStream(12 * tokens);
        for (int t = 0; t < tokens; t++) {
            text.writeBytes(TokenText.bytes(plan.nextWord(), t == 0));
        }
        Status status = plan.lengthLimited(0) ? Status.INCOMPLETE : Status.COMPLETED;
        byte[] item = ResponsesJson.messageItem(messageId, status.wire(), text.toByteArray());
        ByteBuf out = BodyBuffers.withHeadroom(alloc, 1024 + item.length);
        response.writeResponse(
                out,
                status,
                item,
                withUsage ? ResponsesJson.usage(request.promptTokens(), tokens) : null);
        return out;
    }
}
