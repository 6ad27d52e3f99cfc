package io.tokenbench.mock.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code input} of an embeddings request: a string, an array of strings, an array of token ids
 * or an array of token-id arrays (at most {@value #MAX_INPUTS} items). Each item becomes a text key
 * (token ids are joined with commas) and a token count: {@code max(1, ceil(codePoints / 4))} for
 * text, the array length for token ids.
 *
 * @param keys one text key per input item, the seed of its vector
 * @param tokens total prompt tokens
 */
public record EmbeddingInput(List<String> keys, int tokens) {

    public static final int MAX_INPUTS = 2048;

    public EmbeddingInput {
        keys = List.copyOf(keys);
    }

    public static EmbeddingInput of(JsonNode input) {
        if (input == null) {
            throw new ApiErrorException(ApiError.missingParameter("input"));
        }
        List<String> keys = new ArrayList<>();
        long tokens = 0;
        if (input.isTextual()) {
            tokens += addText(keys, input.textValue());
        } else if (input.isArray() && !input.isEmpty() && input.size() <= MAX_INPUTS) {
            boolean tokenIds = input.get(0).isIntegralNumber();
            if (tokenIds) {
                tokens += addTokenIds(keys, input);
            } else {
                for (JsonNode item : input) {
                    if (item.isTextual()) {
                        tokens += addText(keys, item.textValue());
                    } else if (item.isArray()) {
                        tokens += addTokenIds(keys, item);
                    } else {
                        throw invalid();
                    }
                }
            }
        } else {
            throw invalid();
        }
        return new EmbeddingInput(keys, (int) Math.min(Integer.MAX_VALUE, tokens));
    }

    private static long addText(List<String> keys, String text) {
        if (text.isEmpty()) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "input",
                            "'$.input' is invalid: an input must not be" + " an empty string."));
        }
        keys.add(text);
        return Math.max(1, (text.codePointCount(0, text.length()) + 3) / 4);
    }

    private static long addTokenIds(List<String> keys, JsonNode ids) {
        if (ids.isEmpty()) {
            throw invalid();
        }
        StringBuilder key = new StringBuilder("tokens:");
        for (JsonNode id : ids) {
            if (!id.isIntegralNumber() || id.longValue() < 0) {
                throw invalid();
            }
            key.append(id.longValue()).append(',');
        }
        keys.add(key.toString());
        return ids.size();
    }

    private static ApiErrorException invalid() {
        return new ApiErrorException(
                ApiError.invalidValue(
                        "input",
                        "'$.input' is invalid: expected a non-empty"
                                + " string, an array of 1 to "
                                + MAX_INPUTS
                                + " non-empty strings, or token-id arrays."));
    }
}
