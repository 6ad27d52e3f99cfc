package io.tokenbench.mock.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.media.MediaFaults;
import io.tokenbench.mock.media.Multipart;
import io.tokenbench.mock.media.Timing;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.util.Base64;

/**
 * {@code POST /v1/images/generations} (JSON) and {@code POST /v1/images/edits} (multipart with an
 * {@code image} part, whose bytes are not looked at), parameters as in {@link ImageRequest}; the
 * model defaults to the catalog's first image model. Billed {@code n} images, answered after the
 * sum of {@code n} per-image latency draws. The image of index i is seeded by the server seed, the
 * request id and i, which pick one of {@value PngCache#VARIANTS} cached blue levels ({@link
 * PngCache}).
 */
public final class ImagesRoutes extends MountedRouteGroup {

    public static final String ENDPOINT = "/v1/images/generations";
    public static final String EDITS = "/v1/images/edits";
    private final MediaContext context;
    private final ImageStore store;
    private final PngCache pngs = new PngCache();

    public ImagesRoutes(MediaContext context, ImageStore store) {
        super("/v1/images", Access.PUBLIC);
        this.context = context;
        this.store = store;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        boolean edit = request.path().equals(EDITS);
        return BilledCall.guarded(
                context,
                () -> {
                    if (!edit && !request.path().equals(ENDPOINT)) {
                        throw new ApiErrorException(
                                ApiError.invalidUrl(request.method(), request.path()));
                    }
                    BilledCall.requireMethod(request, "POST");
                    ImageRequest image =
                            edit
                                    ? ImageRequest.fromForm(
                                            Multipart.parse(
                                                    request.header().apply("content-type"),
                                                    request.body()))
                                    : ImageRequest.fromJson(JsonBody.parse(request.body()));
                    CatalogModel model =
                            BilledCall.model(
                                    context,
                                    image.model() == null ? defaultModel() : image.model(),
                                    ModelKind.IMAGE);
                    String endpoint = edit ? EDITS : ENDPOINT;
                    return BilledCall.run(
                            context,
                            request,
                            endpoint,
                            model.id(),
                            0,
                            MediaFaults.COMPLETE_BODY,
                            call ->
                                    new BilledCall.Outcome(
                                            BilledCall.ok(render(request, image)),
                                            new Settlement.Usage(0, 0, image.n(), 0.0),
                                            Timing.after(call.plan().imagesDelayNanos(image.n()))));
                });
    }

    private String defaultModel() {
        return context.catalog().models().stream()
                .filter(m -> m.kind() == ModelKind.IMAGE)
                .findFirst()
                .map(CatalogModel::id)
                .orElseThrow(() -> new ApiErrorException(ApiError.missingParameter("model")));
    }

    private byte[] render(RouteRequest request, ImageRequest asked) {
        String prompt = asked.prompt();
        int n = asked.n();
        ImageSize size = asked.size();
        boolean url = asked.url();
        ObjectNode root = JsonBody.JSON.createObjectNode();
        root.put("created", context.nowEpochSeconds());
        ArrayNode data = root.putArray("data");
        long requestSeed = RequestSeed.mix(context.seed() ^ request.requestId().hashCode());
        for (int i = 0; i < n; i++) {
            byte[] png = pngs.png(size, RequestSeed.mix(requestSeed + i));
            ObjectNode image = data.addObject();
            if (url) {
                String host = request.header().apply("host");
                image.put(
                        "url",
                        "http://"
                                + (host == null ? "127.0.0.1" : host)
                                + store.put(request.requestId() + "-" + i, png));
            } else {
                image.put("b64_json", Base64.getEncoder().encodeToString(png));
            }
            image.put("revised_prompt", prompt);
        }
        root.put("output_format", "png");
        root.put("size", size.wire());
        try {
            return JsonBody.JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
