package io.tokenbench.mock.openai;

import static io.tokenbench.mock.openai.ChatRequestParser.optionalBoolean;
import static io.tokenbench.mock.openai.ChatRequestParser.optionalInt;
import static io.tokenbench.mock.openai.ChatRequestParser.requireType;
import static io.tokenbench.mock.openai.ChatRequestParser.typeName;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Strict parser for legacy {@code POST /v1/completions} bodies, as {@code vllm bench serve} and
 * GuideLLM send them. Reads {@code model}, {@code prompt} (a string, an array of strings, an array
 * of token ids or an array of token-id arrays), {@code max_tokens} (default 16, as OpenAI), {@code
 * n}, {@code stream}, {@code stream_options.include_usage} and {@code echo} (only {@code false}:
 * the mock does not echo prompts); sampling fields, {@code logprobs} (answered with {@code null})
 * and vLLM extensions ({@code ignore_eos}, {@code min_tokens}, ...) are accepted and ignored. Every
 * problem is the 400 the real API sends, naming the parameter. Thread-safe.
 *
 * <p>Prompt tokens (no tokenizer): Σ over prompts of {@code ceil(code points / 4)} for a string,
 * the number of ids for a token-id array. No per-message overhead: a completion prompt is raw text.
 */
public final class CompletionsRequestParser {

    /** OpenAI's default {@code max_tokens} for legacy completions. */
    public static final int DEFAULT_MAX_TOKENS = 16;

    public CompletionsRequest parse(InputStream body) {
        JsonNode root = ChatRequestParser.readJson(body);
        if (!root.isObject()) {
            throw new ApiErrorException(ApiError.invalidType("body", "an object", typeName(root)));
        }
        String model = ResponsesRequestParser.model(root);
        JsonNode prompt = root.get("prompt");
        if (prompt == null || prompt.isNull()) {
            throw new ApiErrorException(ApiError.missingParameter("prompt"));
        }
        long promptTokens = 0;
        int prompts;
        if (prompt.isTextual()) {
            promptTokens = textTokens(prompt.textValue());
            prompts = 1;
        } else if (prompt.isArray()) {
            if (prompt.isEmpty()) {
                throw new ApiErrorException(
                        ApiError.badRequest(
                                "Invalid 'prompt': empty array. Expected an array with minimum"
                                        + " length 1, but got an empty array instead.",
                                "prompt",
                                "empty_array"));
            }
            prompts = prompt.get(0).isIntegralNumber() ? 1 : prompt.size();
            int index = 0;
            for (JsonNode item : prompt) {
                promptTokens += itemTokens(item, prompt.get(0), "prompt[" + index++ + "]");
            }
        } else {
            throw new ApiErrorException(
                    ApiError.invalidType(
                            "prompt",
                            "a string, an array of strings or an array of token ids",
                            typeName(prompt)));
        }
        if (optionalBoolean(root, "echo", "echo")) {
            throw new ApiErrorException(
                    ApiError.badRequest(
                            "The mock does not support 'echo': true (it never repeats the prompt).",
                            "echo",
                            "unsupported_value"));
        }
        boolean stream = optionalBoolean(root, "stream", "stream");
        boolean includeUsage = ResponsesRequestParser.includeUsage(root, stream, true);
        int n = optionalInt(root, "n", 1, ChatRequest.MAX_CHOICES).orElse(1);
        if ((long) n * prompts > ChatRequest.MAX_CHOICES) {
            throw new ApiErrorException(
                    ApiError.badRequest(
                            "The mock serves at most "
                                    + ChatRequest.MAX_CHOICES
                                    + " choices per request (prompts × n): "
                                    + prompts
                                    + " × "
                                    + n,
                            "n",
                            "integer_out_of_range"));
        }
        optionalInt(root, "logprobs", 0, 5); // validated only; answered with "logprobs": null
        int maxTokens =
                optionalInt(root, "max_tokens", 1, Integer.MAX_VALUE).orElse(DEFAULT_MAX_TOKENS);
        ChatRequest generation =
                new ChatRequest(
                        model,
                        (int) Math.min(Integer.MAX_VALUE, promptTokens),
                        stream,
                        includeUsage,
                        n * prompts,
                        OptionalInt.of(maxTokens),
                        Optional.empty());
        return new CompletionsRequest(generation, prompts);
    }

    /** Tokens of one element of a prompt array, which must be of the first element's kind. */
    private static long itemTokens(JsonNode item, JsonNode first, String param) {
        if (first.isIntegralNumber()) {
            requireType(item, param, JsonNode::isIntegralNumber, "a token id (integer)");
            return 1;
        }
        if (first.isTextual()) {
            requireType(item, param, JsonNode::isTextual, "a string");
            return textTokens(item.textValue());
        }
        requireType(item, param, JsonNode::isArray, "a string or an array of token ids");
        for (JsonNode id : item) {
            requireType(id, param, JsonNode::isIntegralNumber, "an array of token ids");
        }
        return item.size();
    }

    private static long textTokens(String text) {
        return (text.codePointCount(0, text.length()) + 3L) / 4;
    }
}
