package io.tokenbench.mock.media;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A request's JSON object with strict typed access; every violation is an {@link ApiErrorException}
 * (400).
 */
public final class JsonBody {

    public static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final ObjectNode root;

    private JsonBody(ObjectNode root) {
        this.root = root;
    }

    public static JsonBody parse(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiErrorException(ApiError.unparsableJson());
        }
        if (node == null || node.isMissingNode()) {
            throw new ApiErrorException(ApiError.unparsableJson());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiErrorException(
                    ApiError.invalidType(
                            "body", "an object", node.getNodeType().name().toLowerCase()));
        }
        return new JsonBody(object);
    }

    /** The raw node, or null when absent or JSON null. */
    public JsonNode node(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node;
    }

    public String requiredString(String name) {
        return optionalString(name)
                .orElseThrow(() -> new ApiErrorException(ApiError.missingParameter(name)));
    }

    public Optional<String> optionalString(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new ApiErrorException(
                    ApiError.invalidType(
                            name, "a string", node.getNodeType().name().toLowerCase()));
        }
        return Optional.of(node.textValue());
    }

    /** A string that must be one of {@code allowed}; {@code fallback} when absent. */
    public String oneOf(String name, Set<String> allowed, String fallback) {
        String value = optionalString(name).orElse(fallback);
        if (!allowed.contains(value)) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            name,
                            "'"
                                    + value
                                    + "' is not supported; supported values"
                                    + " are "
                                    + String.join(", ", allowed.stream().sorted().toList())
                                    + "."));
        }
        return value;
    }

    /** An integer in {@code [min, max]}. */
    public OptionalInt optionalInt(String name, int min, int max) {
        JsonNode node = node(name);
        if (node == null) {
            return OptionalInt.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new ApiErrorException(
                    ApiError.invalidType(
                            name, "an integer", node.getNodeType().name().toLowerCase()));
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            name,
                            "must be between " + min + " and " + max + ", got " + value + "."));
        }
        return OptionalInt.of(value);
    }

    /** A number in {@code [min, max]}. */
    public Optional<Double> optionalNumber(String name, double min, double max) {
        JsonNode node = node(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw new ApiErrorException(
                    ApiError.invalidType(
                            name, "a number", node.getNodeType().name().toLowerCase()));
        }
        double value = node.doubleValue();
        if (!(value >= min && value <= max)) {
            throw new ApiErrorException(
                    ApiError.invalidValue(name, "must be between " + min + " and " + max + "."));
        }
        return Optional.of(value);
    }
}
