package io.tokenbench.mock.openai;

import io.tokenbench.mock.behavior.RequestPlan;

/**
 * {@code finish_reason} of a choice: {@code length} when cut, else {@code tool_calls} or {@code
 * stop}.
 */
public final class FinishReason {

    private FinishReason() {}

    public static String of(ChatRequest request, RequestPlan plan, int choice) {
        if (plan.lengthLimited(choice)) {
            return "length";
        }
        return request.toolCall().isPresent() ? "tool_calls" : "stop";
    }
}
