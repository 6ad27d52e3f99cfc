package io.tokenbench.mock.media;

import io.tokenbench.mock.admin.RuntimeSettings;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.behavior.MediaOverrides;
import io.tokenbench.mock.behavior.MediaPlan;
import io.tokenbench.mock.behavior.RequestOverrides;
import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.logging.RateLimitedLog;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.Pacing;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One billed media request: the model must exist with the endpoint's kind (404 / 400 otherwise, no
 * admission), then the gate admits it before any work, the request's plan is drawn (fault and
 * delays, seeded like chat's), the work builds the answer and says when it is written ({@link
 * Timing}), and the request is settled exactly once: at once for answers written at once and for
 * errors, else when the server has written the paced answer ({@link Pacing}) or the client went
 * away. Admissions, rejections, settlements and faults are counted in the server's stats like
 * chat's (so media requests are part of the requests in flight that drive the load slowdown).
 *
 * <p>Faults (ENDPOINTS.md, "Faults"): a fault the endpoint does not take is a 400 {@code
 * invalid_header} when asked for with {@code x-mock-fault} (before admission) and ignored when
 * drawn at random; {@code http_429} / {@code http_5xx} are answered after admission as chat answers
 * them and settled {@code UPSTREAM_ERROR_BEFORE_FIRST_BYTE}; {@code connect_reset} resets the
 * connection without doing the work; in-response faults go to the server with the pacing, or, for
 * job submissions, to the work.
 */
public final class BilledCall {

    private static final RateLimitedLog LOG = RateLimitedLog.named("io.tokenbench.mock.media");

    private static final int SEED_BODY_BYTES = 64 * 1024;

    private BilledCall() {}

    /**
     * The work's answer, what it consumed, when it is written, and what to undo when the client
     * went away before any of the answer was written ({@code CLIENT_CANCELLED} with nothing sent;
     * for example a video job whose submission was never answered).
     */
    public record Outcome(
            RouteResponse response, Settlement.Usage usage, Timing timing, Runnable withdraw) {
        private static final Runnable NOTHING = () -> {};

        public Outcome {
            Objects.requireNonNull(withdraw, "withdraw");
        }

        /** Nothing to undo when cancelled. */
        public Outcome(RouteResponse response, Settlement.Usage usage, Timing timing) {
            this(response, usage, timing, NOTHING);
        }

        /** Written at once. */
        public Outcome(RouteResponse response, Settlement.Usage usage) {
            this(response, usage, Timing.NOW);
        }
    }

    /** The admitted request and what was drawn for it. */
    public record Call(Admission.Admitted admitted, MediaPlan plan) {
        public Optional<FaultSpec> fault() {
            return plan.fault();
        }
    }

    /** The catalog model {@code id}, which must be of {@code kind}. */
    public static CatalogModel model(MediaContext context, String id, ModelKind kind) {
        CatalogModel model =
                context.catalog()
                        .find(id)
                        .orElseThrow(() -> new ApiErrorException(ApiError.modelNotFound(id)));
        if (model.kind() != kind) {
            throw new ApiErrorException(
                    ApiError.invalidValue(
                            "model",
                            "model '"
                                    + id
                                    + "' is a "
                                    + model.kind().jsonName()
                                    + " model; this endpoint needs a "
                                    + kind.jsonName()
                                    + " model."));
        }
        return model;
    }

    /**
     * Admits, draws the plan, runs {@code work} and arranges the settlement; a refusal is answered
     * as the gate rendered it.
     */
    public static RouteResponse run(
            MediaContext context,
            RouteRequest request,
            String endpoint,
            String model,
            int promptTokens,
            MediaFaults faults,
            Function<Call, Outcome> work) {
        RequestOverrides overrides = parse(() -> RequestOverrides.parse(request.header()));
        MediaOverrides media = parse(() -> MediaOverrides.parse(request.header()));
        overrides
                .fault()
                .flatMap(RequestOverrides.FaultChoice::spec)
                .filter(spec -> !faults.supports(spec.fault()))
                .ifPresent(
                        spec -> {
                            throw new ApiErrorException(
                                    ApiError.badRequest(
                                            "x-mock-fault '"
                                                    + spec.fault().wireName()
                                                    + "' is not supported on "
                                                    + endpoint
                                                    + " (supported: "
                                                    + faults.names()
                                                    + ").",
                                            null,
                                            "invalid_header"));
                        });
        Admission admission =
                context.gate()
                        .admit(
                                new AdmissionRequest(
                                        request.requestId(),
                                        request.bearerToken(),
                                        endpoint,
                                        model,
                                        promptTokens,
                                        OptionalInt.empty(),
                                        false));
        if (admission instanceof Admission.Rejected rejected) {
            context.stats().rejected();
            return new RouteResponse(
                    rejected.status(), RouteResponse.JSON, rejected.headers(), rejected.jsonBody());
        }
        Admission.Admitted admitted = (Admission.Admitted) admission;
        context.stats().admitted();
        Settling settling = new Settling(context, request, endpoint, model, admitted);
        MediaPlan plan;
        Outcome outcome;
        try {
            RuntimeSettings.Snapshot settings = context.settings().current();
            long seed =
                    RequestSeed.of(
                            context.seed(),
                            bodyHash(request.body()),
                            overrides.seed().orElse(request.requestNumber()));
            plan =
                    MediaPlan.draw(
                            seed, settings.behavior().media(), settings.faults(), overrides, media);
            if (plan.fault().isPresent() && !faults.supports(plan.fault().get().fault())) {
                plan = plan.withoutFault();
            }
            plan.fault().ifPresent(spec -> context.stats().faultInjected(spec.fault()));
            Optional<ApiError> injected = plan.fault().map(BilledCall::injectedError);
            if (injected.isPresent()) {
                settling.settle(
                        Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE,
                        injected.get().status(),
                        false,
                        Settlement.Usage.NONE);
                return RouteResponse.error(injected.get());
            }
            if (plan.fault().filter(spec -> spec.fault() == Fault.CONNECT_RESET).isPresent()) {
                return new RouteResponse(200, RouteResponse.JSON, Map.of(), new byte[0])
                        .withPacing(
                                Pacing.delayed(
                                        0,
                                        plan.fault(),
                                        settling.listener(
                                                false, Settlement.Usage.NONE, Outcome.NOTHING)));
            }
            outcome = work.apply(new Call(admitted, plan));
        } catch (ApiErrorException e) {
            settling.settle(
                    Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE,
                    e.error().status(),
                    false,
                    Settlement.Usage.NONE);
            return RouteResponse.error(e.error());
        } catch (RuntimeException e) {
            settling.settle(
                    Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE,
                    500,
                    false,
                    Settlement.Usage.NONE);
            throw e;
        }
        RouteResponse response = outcome.response();
        if (response.status() >= 400) {
            settling.settle(
                    Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE,
                    response.status(),
                    false,
                    Settlement.Usage.NONE);
            return response;
        }
        Optional<FaultSpec> paced = plan.fault().filter(spec -> faults.paces(spec.fault()));
        Timing timing = outcome.timing();
        if (timing.immediate() && paced.isEmpty()) {
            settling.settle(Settlement.End.COMPLETED, response.status(), false, outcome.usage());
            return response;
        }
        boolean streamed = timing.partEnds().length > 0;
        Pacing.Listener listener = settling.listener(streamed, outcome.usage(), outcome.withdraw());
        return response.withPacing(
                streamed
                        ? Pacing.streamed(
                                timing.firstByteDelayNanos(),
                                timing.partEnds(),
                                timing.gapsNanos(),
                                paced,
                                listener)
                        : Pacing.delayed(timing.firstByteDelayNanos(), paced, listener));
    }

    /** The error an injected HTTP fault answers (as chat's); null for the other faults. */
    private static ApiError injectedError(FaultSpec spec) {
        return switch (spec.fault()) {
            case HTTP_429 -> ApiError.rateLimited(spec.param());
            case HTTP_500 -> ApiError.serverError(500);
            case HTTP_502 -> ApiError.serverError(502);
            case HTTP_503 -> ApiError.serverError(503);
            default -> null;
        };
    }

    private static <T> T parse(Supplier<T> headers) {
        try {
            return headers.get();
        } catch (RequestOverrides.BadOverrideException e) {
            throw new ApiErrorException(
                    ApiError.badRequest(e.getMessage(), null, "invalid_header"));
        }
    }

    /**
     * A hash of the body's length and first {@value #SEED_BODY_BYTES} bytes (uploads can be 25
     * MiB).
     */
    static long bodyHash(byte[] body) {
        int hash = body.length;
        int end = Math.min(body.length, SEED_BODY_BYTES);
        for (int i = 0; i < end; i++) {
            hash = 31 * hash + body[i];
        }
        return hash;
    }

    /**
     * Answers an {@link ApiErrorException} thrown while reading the request (bad input, unknown
     * path or model, wrong method, unsupported {@code x-mock-fault}: all before admission) as its
     * error response, counted as refused in the server's stats as chat's bad input is.
     */
    public static RouteResponse guarded(MediaContext context, Supplier<RouteResponse> handler) {
        try {
            return handler.get();
        } catch (ApiErrorException e) {
            context.stats().refused();
            return RouteResponse.error(e.error());
        }
    }

    /** Refuses a request whose method is not {@code method} with a 405 naming it. */
    public static void requireMethod(RouteRequest request, String method) {
        if (!request.method().equals(method)) {
            throw new ApiErrorException(
                    ApiError.methodNotAllowed(request.method(), request.path(), method));
        }
    }

    /** A JSON 200. */
    public static RouteResponse ok(byte[] json) {
        return new RouteResponse(200, RouteResponse.JSON, Map.of(), json);
    }

    /** Settles one admitted request exactly once. Event loop only (one request). */
    private static final class Settling {
        private final MediaContext context;
        private final RouteRequest request;
        private final String endpoint;
        private final String model;
        private final Admission.Admitted admitted;
        private boolean settled;

        Settling(
                MediaContext context,
                RouteRequest request,
                String endpoint,
                String model,
                Admission.Admitted admitted) {
            this.context = context;
            this.request = request;
            this.endpoint = endpoint;
            this.model = model;
            this.admitted = admitted;
        }

        /**
         * Settles with the part of {@code full} the client received by the end; runs {@code
         * withdraw} when the client went away before anything was sent.
         */
        Pacing.Listener listener(boolean streamed, Settlement.Usage full, Runnable withdraw) {
            return (end, status, outputFraction) -> {
                if (end == Settlement.End.CLIENT_CANCELLED && outputFraction == 0 && !settled) {
                    withdraw.run();
                }
                settle(end, status, streamed, usage(end, full, outputFraction));
            };
        }

        private static Settlement.Usage usage(
                Settlement.End end, Settlement.Usage full, double outputFraction) {
            return switch (end) {
                case COMPLETED -> full;
                case UPSTREAM_ERROR_BEFORE_FIRST_BYTE -> Settlement.Usage.NONE;
                case CLIENT_CANCELLED, UPSTREAM_ERROR_MID_RESPONSE ->
                        new Settlement.Usage(
                                full.promptTokens(),
                                Math.round(full.completionTokens() * outputFraction),
                                (long) Math.floor(full.images() * outputFraction),
                                full.mediaSeconds() * outputFraction);
            };
        }

        void settle(Settlement.End end, int status, boolean streamed, Settlement.Usage usage) {
            if (settled) {
                return;
            }
            settled = true;
            context.stats().settled(end);
            try {
                context.gate()
                        .settle(
                                new Settlement(
                                        request.requestId(),
                                        admitted,
                                        endpoint,
                                        model,
                                        streamed,
                                        status,
                                        usage,
                                        end));
            } catch (RuntimeException e) {
                LOG.error("gate.settle failed for " + request.requestId(), e);
            }
        }
    }
}
