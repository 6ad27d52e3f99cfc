package io.tokenbench.simulations.stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Responses API ({@code /v1/responses}) as {@link Chunk}s: {@code response.output_text.delta}
 * and {@code response.reasoning_text.delta} carry output (the first text delta is the first token);
 * {@code response.completed} and {@code response.incomplete} end the stream with the usage ({@code
 * input_tokens}, {@code output_tokens}); {@code response.failed} and {@code error} are error
 * events; every other event (created, in_progress, output_item.added, ...) carries nothing.
 */
final class ResponsesEvents {
    private static final Chunk.Delta NOTHING = new Chunk.Delta("", "", 0, null, -1, -1);

    private ResponsesEvents() {}

    static Chunk event(JsonNode node) {
        String type = node.path("type").asText();
        return switch (type) {
            case "response.output_text.delta" ->
                    new Chunk.Delta(node.path("delta").asText(""), "", 0, null, -1, -1);
            case "response.reasoning_text.delta", "response.reasoning_summary_text.delta" ->
                    new Chunk.Delta("", node.path("delta").asText(""), 0, null, -1, -1);
            case "response.function_call_arguments.delta" ->
                    new Chunk.Delta("", "", 1, null, -1, -1);
            case "response.completed", "response.incomplete" ->
                    new Chunk.Terminal(finished(node.path("response"), ""));
            case "response.failed" ->
                    new Chunk.ErrorEvent(
                            node.path("response").path("error").path("message").asText("failed"));
            case "error" ->
                    new Chunk.ErrorEvent(
                            node.path("message")
                                    .asText(node.path("error").path("message").asText("error")));
            default -> NOTHING;
        };
    }

    /** A whole non-streamed {@code response} object: its output text and usage. */
    static Chunk body(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            for (JsonNode part : item.path("content")) {
                if ("output_text".equals(part.path("type").asText())) {
                    text.append(part.path("text").asText(""));
                }
            }
        }
        return finished(response, text.toString());
    }

    private static Chunk.Delta finished(JsonNode response, String text) {
        JsonNode usage = response.path("usage");
        return new Chunk.Delta(
                text,
                "",
                0,
                response.path("status").asText("completed"),
                usage.path("input_tokens").canConvertToLong()
                        ? usage.path("input_tokens").asLong()
                        : -1,
                usage.path("output_tokens").canConvertToLong()
                        ? usage.path("output_tokens").asLong()
                        : -1);
    }
}
