package io.tokenbench.mock.platformadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.platform.Json;
import java.util.Map;
import java.util.Objects;

/**
 * A complete admin response for the HTTP layer to write: status, extra headers, UTF-8 JSON body.
 * {@code Content-Type: application/json} is implied.
 */
public record AdminResponse(int status, Map<String, String> headers, byte[] jsonBody) {

    public AdminResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(jsonBody, "jsonBody");
    }

    public static AdminResponse json(int status, JsonNode body) {
        return new AdminResponse(status, Map.of(), Json.bytes(body));
    }

    /**
     * An OpenAI-style error: {@code
     * {"error":{"message","type":"invalid_request_error","param","code"}}}.
     *
     * @param param the offending field, or null
     */
    public static AdminResponse error(int status, String message, String param) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message);
        error.put("type", status == 401 ? "authentication_error" : "invalid_request_error");
        if (param == null) {
            error.putNull("param");
        } else {
            error.put("param", param);
        }
        error.putNull("code");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return json(status, body);
    }

    /** The body as text (tests, logs). */
    public String bodyText() {
        return new String(jsonBody, java.nio.charset.StandardCharsets.UTF_8);
    }
}
