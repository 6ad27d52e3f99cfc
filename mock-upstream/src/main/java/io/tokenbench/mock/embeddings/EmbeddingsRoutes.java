package io.tokenbench.mock.embeddings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.media.MediaFaults;
import io.tokenbench.mock.media.Timing;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Set;

/**
 * {@code POST /v1/embeddings}, billed by prompt tokens; answered after {@code latency + inputs ×
 * item_latency} ({@link io.tokenbench.mock.behavior.MediaPlan#embeddingsDelayNanos}).
 */
public final class EmbeddingsRoutes extends MountedRouteGroup {

    public static final String ENDPOINT = "/v1/embeddings";

    /** Full vector size of every embedding model of the mock (text-embedding-3-small's). */
    public static final int FULL_DIMENSIONS = 1536;

    private static final Set<String> FORMATS = Set.of("float", "base64");
    private final MediaContext context;

    public EmbeddingsRoutes(MediaContext context) {
        super(ENDPOINT, Access.PUBLIC);
        this.context = context;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        return BilledCall.guarded(
                context,
                () -> {
                    if (!request.path().equals(ENDPOINT)) {
                        throw new ApiErrorException(
                                ApiError.invalidUrl(request.method(), request.path()));
                    }
                    BilledCall.requireMethod(request, "POST");
                    JsonBody body = JsonBody.parse(request.body());
                    CatalogModel model =
                            BilledCall.model(
                                    context, body.requiredString("model"), ModelKind.EMBEDDING);
                    EmbeddingInput input = EmbeddingInput.of(body.node("input"));
                    String format = body.oneOf("encoding_format", FORMATS, "float");
                    int dimensions =
                            body.optionalInt("dimensions", 1, FULL_DIMENSIONS)
                                    .orElse(FULL_DIMENSIONS);
                    if (dimensions != FULL_DIMENSIONS
                            && !model.capabilities().contains("dimensions")) {
                        throw new ApiErrorException(
                                ApiError.invalidValue(
                                        "dimensions",
                                        "model '"
                                                + model.id()
                                                + "' does not support 'dimensions'."));
                    }
                    return BilledCall.run(
                            context,
                            request,
                            ENDPOINT,
                            model.id(),
                            input.tokens(),
                            MediaFaults.COMPLETE_BODY,
                            call ->
                                    new BilledCall.Outcome(
                                            BilledCall.ok(
                                                    render(
                                                            model.id(),
                                                            input,
                                                            format.equals("base64"),
                                                            dimensions)),
                                            Settlement.Usage.tokens(input.tokens(), 0),
                                            Timing.after(
                                                    call.plan()
                                                            .embeddingsDelayNanos(
                                                                    input.keys().size()))));
                });
    }

    private byte[] render(String model, EmbeddingInput input, boolean base64, int dimensions) {
        ObjectNode root = JsonBody.JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (int i = 0; i < input.keys().size(); i++) {
            float[] vector =
                    EmbeddingVectors.of(
                            input.keys().get(i), context.seed(), FULL_DIMENSIONS, dimensions);
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (base64) {
                item.put("embedding", littleEndianBase64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
        }
        root.put("model", model);
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", input.tokens());
        usage.put("total_tokens", input.tokens());
        try {
            return JsonBody.JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 of the vector as little-endian float32, what the SDKs decode. */
    static String littleEndianBase64(float[] vector) {
        ByteBuffer bytes =
                ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
