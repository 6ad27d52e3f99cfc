package io.tokenbench.mock.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** The one strict JSON mapper of this package: duplicate keys and trailing tokens are errors. */
public final class Json {

    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build();

    private Json() {}

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Parses a request body; an empty body, malformed JSON or trailing data is an {@link
     * IOException}.
     */
    public static JsonNode parse(byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            throw new IOException("the request body is empty; a JSON object is required");
        }
        JsonNode node = MAPPER.readTree(body);
        if (node == null || node.isMissingNode()) {
            throw new IOException("the request body is empty; a JSON object is required");
        }
        return node;
    }
}
