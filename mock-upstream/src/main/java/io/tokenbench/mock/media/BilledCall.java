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
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.behavior.RequestOverrides;

/**
 * One billed media request: the model must exist with the endpoint's kind (404 / 400 otherwise, no
 * admission), then the gate admits it before any work, then the work runs and the request is settled
 * exactly once: {@code COMPLETED} with the work's usage, or {@code UPSTREAM_ERROR_BEFORE_FIRST_BYTE}
 * with no usage when the work answers an error.
 *
 * <p>Faults: {@code x-mock-fault} {@code http_429}, {@code http_500}, {@code http_502} and {@code http_503}
 * answer that error after admission (settled {@code UPSTREAM_ERROR_BEFORE_FIRST_BYTE}, so refunded);
 * video jobs also take in-response faults (the job ends {@code failed}); any other fault is a 400
 * {@code invalid_header} on these endpoints, which answer complete bodies and cannot stall or reset
 * mid-response. Randomly configured faults ({@code PUT /admin/config}) apply to chat only.
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
        fault(request).filter(spec -> !answersItself(spec)).ifPresent(spec -> {
            throw new ApiErrorException(ApiError.badRequest("x-mock-fault '" + spec.fault().wireName() + "' is not"
                    + " supported on " + endpoint + " (only http_429, http_500, http_502, http_503).", null,
                    "invalid_header"));
        });
        return run(context, request, endpoint, model, promptTokens, admitted -> work.get());
    }

    /**
     * The {@code x-mock-fault} of the request, honouring {@code x-mock-fault-attempts} as chat does (the
     * fault hits only attempts whose {@code x-stainless-retry-count} is below it); bad values are a 400
     * {@code invalid_header}.
     */
    public static Optional<FaultSpec> fault(RouteRequest request) {
        try {
            RequestOverrides overrides = RequestOverrides.parse(request.header());
            if (!overrides.faultAllowed()) {
                return Optional.empty();
            }
            return overrides.fault().flatMap(RequestOverrides.FaultChoice::spec);
        } catch (RequestOverrides.BadOverrideException e) {
            throw new ApiErrorException(ApiError.badRequest(e.getMessage(), null, "invalid_header"));
        }
    }

    /** As {@link #run(MediaContext, RouteRequest, String, String, int, Supplier)}, the work seeing the admission. */
    public static RouteResponse run(MediaContext context, RouteRequest request, String endpoint, String model,
            int promptTokens, Function<Admission.Admitted, Outcome> work) {
        Optional<FaultSpec> fault = fault(request);
        Optional<ApiError> injected = fault.map(BilledCall::injectedError);
        Admission admission = context.gate().admit(new AdmissionRequest(request.requestId(), request.bearerToken(),
                endpoint, model, promptTokens, OptionalInt.empty(), false));
        if (admission instanceof Admission.Rejected rejected) {
            return new RouteResponse(rejected.status(), RouteResponse.JSON, rejected.headers(), rejected.jsonBody());
        }
        Admission.Admitted admitted = (Admission.Admitted) admission;
        Outcome outcome;
        try {
            outcome = injected.isPresent()
                    ? new Outcome(RouteResponse.error(injected.get()), Settlement.Usage.NONE)
                    : work.apply(admitted);
        } catch (ApiErrorException e) {
            outcome = new Outcome(RouteResponse.error(e.error()), Settlement.Usage.NONE);
        } catch (RuntimeException e) {
            settle(context, request, endpoint, model, admitted, 500, Settlement.Usage.NONE);
            throw e;
        }
        settle(context, request, endpoint, model, admitted, outcome.response().status(), outcome.usage());
        return outcome.response();
    }

    /** The error an injected fault answers; empty for in-response faults (the caller decides). */
    private static ApiError injectedError(FaultSpec spec) {
        return switch (spec.fault()) {
            case HTTP_429 -> new ApiError(429, "Rate limit reached (injected by x-mock-fault).", "requests", null,
                    "rate_limit_exceeded", Map.of("retry-after", Long.toString(Math.max(1, spec.param() / 1_000_000_000L))));
            case HTTP_500 -> ApiError.serverError(500);
            case HTTP_502 -> ApiError.serverError(502);
            case HTTP_503 -> ApiError.serverError(503);
            default -> null;
        };
    }

    /** Whether the fault is one {@link #run} answers itself (before-headers HTTP errors). */
    public static boolean answersItself(FaultSpec spec) {
        return injectedError(spec) != null;
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
