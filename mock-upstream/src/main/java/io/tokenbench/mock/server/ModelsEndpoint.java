package io.tokenbench.mock.server;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.openai.ModelsBody;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code GET /v1/models} (pre-rendered once) and {@code GET /v1/models/{id}}. Authenticated through
 * the gate like every {@code /v1/*} route, and settled with no usage.
 */
final class ModelsEndpoint {

    static final String LIST = "/v1/models";
    private final ServerContext server;
    private final byte[] listBody;

    ModelsEndpoint(ServerContext server) {
        this.server = server;
        this.listBody = ModelsBody.list(server.config.catalog());
    }

    void handle(Exchange exchange, FullHttpRequest request, String path) {
        if (!HttpMethod.GET.equals(request.method())) {
            throw new ApiErrorException(
                    ApiError.methodNotAllowed(request.method().name(), path, "GET"));
        }
        CatalogModel model = null;
        if (!path.equals(LIST)) {
            String id = path.substring(LIST.length() + 1);
            model =
                    server.config
                            .catalog()
                            .find(id)
                            .orElseThrow(() -> new ApiErrorException(ApiError.modelNotFound(id)));
        }
        String bearer = Bearer.token(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        String modelId = model == null ? null : model.id();
        Admission admission =
                server.gate.admit(
                        new AdmissionRequest(
                                exchange.requestId(),
                                bearer,
                                path,
                                null, // reading a model is never priced: no reservation
                                0,
                                OptionalInt.empty(),
                                false));
        if (admission instanceof Admission.Rejected rejected) {
            server.stats.rejected();
            exchange.sendJson(rejected.status(), rejected.jsonBody(), rejected.headers());
            return;
        }
        server.stats.admitted();
        new Settler(
                        server.gate,
                        server.stats,
                        exchange.requestId(),
                        (Admission.Admitted) admission,
                        path,
                        modelId,
                        false,
                        0)
                .settle(200, Settlement.End.COMPLETED, 0);
        exchange.sendJson(200, model == null ? listBody : ModelsBody.single(model), Map.of());
    }
}
