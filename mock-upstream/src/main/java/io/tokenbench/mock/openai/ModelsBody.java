package io.tokenbench.mock.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelCatalog;

/**
 * {@code GET /v1/models} and {@code GET /v1/models/{id}} bodies: {@code
 * {"object":"list","data":[...]}} and {@code {"id","object":"model","created","owned_by"}}, plus
 * the mock's {@code kind}, {@code capabilities} and {@code pricing} (extra fields the SDKs ignore).
 */
public final class ModelsBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelsBody() {}

    public static byte[] list(ModelCatalog catalog) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        catalog.models().forEach(model -> data.add(model(model)));
        return bytes(root);
    }

    public static byte[] single(CatalogModel model) {
        return bytes(model(model));
    }

    private static ObjectNode model(CatalogModel model) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", model.id());
        node.put("object", "model");
        node.put("created", model.createdEpochSeconds());
        node.put("owned_by", model.ownedBy());
        node.put("kind", model.kind().jsonName());
        model.capabilities().forEach(node.putArray("capabilities")::add);
        ObjectNode pricing = node.putObject("pricing");
        pricing.put("currency", "credits");
        pricing.put("input_per_million_tokens", model.price().inputCreditsPerMillionTokens());
        pricing.put("output_per_million_tokens", model.price().outputCreditsPerMillionTokens());
        pricing.put("per_image", model.price().creditsPerImage());
        pricing.put("per_second", model.price().creditsPerSecond());
        return node;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render models", e);
        }
    }
}
