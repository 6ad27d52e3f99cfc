package io.tokenbench.mock.media;

import io.tokenbench.mock.admin.RouteRequest;
import io.tokenbench.mock.admin.RouteResponse;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One billed media request: the model must exist with the endpoint's kind (404 / 400 otherwise, no
 * admission), then the gate admits it before any work, then the work runs and the request is settled
 * exactly once: {@code COMPLETED} with the work's usage, or {@code UPSTREAM_ERROR_BEFORE_FIRST_BYTE}
 * with no usage when the work answers an error.
 */
public final class BilledCall {

    private BilledCall() {
    }

    /** The work's answer and what it consumed. */
    public record Outcome(RouteResponse response, Settlement.Usage usage) {
    }

    /** The catalog model {@code id}, which must be of {@code kind}. */
    public static CatalogModel model(MediaContext context, String id, ModelKind kind) {
        CatalogModel model = context.catalog().find(id)
                .orElseThrow(() -> new ApiErrorException(ApiError.modelNotFound(id)));
        if (model.kind() != kind) {
            throw new ApiErrorException(ApiError.invalidValue("model", "model '" + id + "' is a " + model.kind().jsonName()
                    + " model; this endpoint needs a " + kind.jsonName() + " model."));
        }
        return model;
    }

    /** Admits, runs {@code work} and settles; a refusal is answered as the gate rendered it. */
    public static RouteResponse run(MediaContext context, RouteRequest request, String endpoint, String model,
            int promptTokens, Supplier<Outcome> work) {
        Admission admission = context.gate().admit(new AdmissionRequest(request.requestId(), request.bearerToken(),
                endpoint, model, promptTokens, OptionalInt.empty(), false));
        if (admission instanceof Admission.Rejected rejected) {
            return new RouteResponse(rejected.status(), RouteResponse.JSON, rejected.headers(), rejected.jsonBody());
        }
        Admission.Admitted admitted = (Admission.Admitted) admission;
        Outcome outcome;
        try {
            outcome = work.get();
        } catch (ApiErrorException e) {
            outcome = new Outcome(RouteResponse.error(e.error()), Settlement.Usage.NONE);
        } catch (RuntimeException e) {
            settle(context, request, endpoint, model, admitted, 500, Settlement.Usage.NONE);
            throw e;
        }
        settle(context, request, endpoint, model, admitted, outcome.response().status(), outcome.usage());
        return outcome.response();
    }

    private static void settle(MediaContext context, RouteRequest request, String endpoint, String model,
            Admission.Admitted admitted, int status, Settlement.Usage usage) {
        boolean ok = status < 400;
        context.gate().settle(new Settlement(request.requestId(), admitted, endpoint, model, false, status,
                ok ? usage : Settlement.Usage.NONE,
                ok ? Settlement.End.COMPLETED : Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE));
    }

    /** Answers an {@link ApiErrorException} thrown while reading the request as its error response. */
    public static RouteResponse guarded(Supplier<RouteResponse> handler) {
        try {
            return handler.get();
        } catch (ApiErrorException e) {
            return RouteResponse.error(e.error());
        }
    }

    /** A JSON 200. */
    public static RouteResponse ok(byte[] json) {
        return new RouteResponse(200, RouteResponse.JSON, Map.of(), json);
    }
}
