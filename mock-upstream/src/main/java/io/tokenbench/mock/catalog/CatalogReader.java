package io.tokenbench.mock.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a catalog JSON document, strictly:
 *
 * <pre>
 * {"models": [{"id": "MiniMax-M3", "kind": "chat", "owned_by": "minimax", "created": 1767225600,
 *              "capabilities": ["streaming", "tools"],
 *              "price": {"input_per_million": "0.6", "output_per_million": "2.4",
 *                        "per_image": "0", "per_second": "0"}}]}
 * </pre>
 *
 * {@code kind} is one of chat, embedding, image, speech, transcription, video; prices are Credits
 * (numbers or decimal strings, missing = 0).
 */
final class CatalogReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogReader() {}

    static ModelCatalog read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonNode models = root == null ? null : root.get("models");
        if (models == null || !models.isArray()) {
            throw new IllegalArgumentException(source + ": expected {\"models\": [...]}");
        }
        List<CatalogModel> list = new ArrayList<>();
        int index = 0;
        for (JsonNode model : models) {
            String where = source + ": models[" + index++ + "]";
            try {
                list.add(model(model));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        try {
            return new ModelCatalog(list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static CatalogModel model(JsonNode node) {
        String id = text(node, "id");
        String kindName = text(node, "kind");
        ModelKind kind =
                ModelKind.byJsonName(kindName)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown kind '" + kindName + "'"));
        JsonNode created = node.get("created");
        if (created == null || !created.canConvertToLong()) {
            throw new IllegalArgumentException("'created' must be an integer (epoch seconds)");
        }
        List<String> capabilities = new ArrayList<>();
        for (JsonNode capability : node.path("capabilities")) {
            capabilities.add(capability.asText());
        }
        JsonNode price = node.path("price");
        return new CatalogModel(
                id,
                kind,
                text(node, "owned_by"),
                created.longValue(),
                capabilities,
                new ModelPrice(
                        credits(price, "input_per_million"),
                        credits(price, "output_per_million"),
                        credits(price, "per_image"),
                        credits(price, "per_second")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static BigDecimal credits(JsonNode price, String field) {
        JsonNode value = price.get(field);
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "price '" + field + "' is not a number: " + value.asText(), e);
        }
    }
}
