package io.tokenbench.mock.platformadmin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.platform.Json;
import java.io.IOException;
import java.util.Set;

/** A strictly validated JSON object body of an admin request; every problem names its field. */
final class RequestBody {

    private final JsonNode node;

    private RequestBody(JsonNode node) {
        this.node = node;
    }

    /** Parses {@code body} as a JSON object whose fields are all in {@code allowed}. */
    static RequestBody parse(byte[] body, Set<String> allowed) throws BadRequestException {
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (IOException e) {
            throw new BadRequestException(
                    null, "malformed JSON body: " + firstLine(e.getMessage()));
        }
        if (!node.isObject()) {
            throw new BadRequestException(null, "the body must be a JSON object");
        }
        for (String field : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(field)) {
                throw new BadRequestException(
                        field, "unknown field '" + field + "'; allowed: " + allowed);
            }
        }
        return new RequestBody(node);
    }

    static RequestBody of(JsonNode node) {
        return new RequestBody(node);
    }

    JsonNode node() {
        return node;
    }

    boolean has(String field) {
        return node.has(field);
    }

    String requiredText(String field) throws BadRequestException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new BadRequestException(
                    field, "'" + field + "' is required and must be a string");
        }
        return v.asText();
    }

    String textOr(String field, String fallback) throws BadRequestException {
        return has(field) ? requiredText(field) : fallback;
    }

    /** A non-negative Credits amount with at most 6 decimals, or {@code null} for a JSON null. */
    Long creditsOrNull(String field) throws BadRequestException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new BadRequestException(
                    field, "'" + field + "' must be a number of Credits or null");
        }
        long micro;
        try {
            micro = Credits.toMicro(v.decimalValue());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field, "'" + field + "': " + e.getMessage());
        }
        if (micro < 0) {
            throw new BadRequestException(field, "'" + field + "' must be >= 0: " + v.asText());
        }
        return micro;
    }

    long requiredLong(String field) throws BadRequestException {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new BadRequestException(
                    field, "'" + field + "' is required and must be an integer");
        }
        return v.asLong();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
