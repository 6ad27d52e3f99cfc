package io.tokenbench.mock.server;

import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.tokenbench.mock.admin.RuntimeSettings;
import io.tokenbench.mock.behavior.RequestOverrides;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.catalog.CatalogModel;
import io.tokenbench.mock.catalog.ModelKind;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.openai.ChatRequest;
import io.tokenbench.mock.openai.TextRequest;
import io.tokenbench.mock.requestlog.RequestLog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One text-generation endpoint (chat completions, legacy completions, Responses) on the shared
 * pipeline: parse and validate with the API's parser, log the request, look the model up, admit
 * through the gate, draw the plan, then hand over to an upstream fault, a stream (the API's encoder
 * on {@code ChatStream}) or a (possibly delayed) complete body. So every API has the same latency,
 * length, fault, key and billing behaviour. Every admitted request is settled exactly once. Event
 * loop only; stateless apart from the context.
 *
 * @param <R> the API's parsed request
 */
final class TextGeneration<R extends TextRequest> {

    private final ServerContext server;
    private final TextApi<R> api;

    TextGeneration(ServerContext server, TextApi<R> api) {
        this.server = server;
        this.api = api;
    }

    String endpoint() {
        return api.endpoint();
    }

    /**
     * Handles the request; returns the in-flight work when the response continues later, else null.
     */
    InFlight handle(Exchange exchange, FullHttpRequest request) {
        String endpoint = api.endpoint();
        if (!HttpMethod.POST.equals(request.method())) {
            throw new ApiErrorException(
                    ApiError.methodNotAllowed(request.method().name(), endpoint, "POST"));
        }
        List<String> headerNames = headerNames(request);
        RequestOverrides overrides;
        try {
            overrides =
                    asksForOverrides(headerNames)
                            ? RequestOverrides.parse(name -> request.headers().get(name))
                            : RequestOverrides.NONE;
        } catch (RequestOverrides.BadOverrideException e) {
            throw new ApiErrorException(
                    ApiError.badRequest(e.getMessage(), null, "invalid_header"));
        }
        long bodyHash = ByteBufUtil.hashCode(request.content());
        R parsed = api.parse(new ByteBufInputStream(request.content()));
        ChatRequest chat = parsed.generation();
        server.requestLog.append(
                new RequestLog.Request(
                        exchange.requestId(),
                        endpoint,
                        chat.model(),
                        parsed.messageCount(),
                        chat.promptTokens(),
                        chat.stream(),
                        headerNames));
        CatalogModel model =
                server.config
                        .catalog()
                        .find(chat.model())
                        .orElseThrow(
                                () -> new ApiErrorException(ApiError.modelNotFound(chat.model())));
        if (model.kind() != ModelKind.CHAT) {
            throw new ApiErrorException(
                    new ApiError(
                            404,
                            "This is not a chat model and thus not supported in the "
                                    + endpoint.substring(1)
                                    + " endpoint.",
                            ApiError.INVALID_REQUEST,
                            "model",
                            null,
                            Map.of()));
        }
        String bearer = Bearer.token(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        Admission admission =
                server.gate.admit(
                        new AdmissionRequest(
                                exchange.requestId(),
                                bearer,
                                endpoint,
                                chat.model(),
                                chat.promptTokens(),
                                chat.maxTokens(),
                                chat.stream()));
        if (admission instanceof Admission.Rejected rejected) {
            server.stats.rejected();
            exchange.sendJson(rejected.status(), rejected.jsonBody(), rejected.headers());
            return null;
        }
        Admission.Admitted admitted = (Admission.Admitted) admission;
        server.stats.admitted();
        Settler settler =
                new Settler(
                        server.gate,
                        server.stats,
                        exchange.requestId(),
                        admitted,
                        endpoint,
                        chat.model(),
                        chat.stream(),
                        chat.promptTokens());
        try {
            RuntimeSettings.Snapshot settings = server.settings.current();
            long seed =
                    RequestSeed.of(
                            server.config.seed(),
                            bodyHash,
                            overrides.seed().orElse(exchange.requestNumber()));
            RequestPlan plan =
                    RequestPlan.draw(
                            seed,
                            settings.behavior(),
                            settings.faults(),
                            overrides,
                            chat.choices(),
                            chat.maxTokens(),
                            admitted.outputTokenCap());
            plan.fault().ifPresent(f -> server.stats.faultInjected(f.fault()));
            if (UpstreamFaults.answerBeforeHeaders(exchange, plan, settler)) {
                return null;
            }
            long createdEpochSeconds = server.config.clock().instant().getEpochSecond();
            return chat.stream()
                    ? StreamingResponse.start(
                            server,
                            exchange,
                            chat,
                            api.streamEncoder(parsed, exchange.ids(), createdEpochSeconds),
                            plan,
                            settler)
                    : CompleteResponse.start(
                            server,
                            exchange,
                            plan,
                            settler,
                            (alloc, withUsage) ->
                                    api.body(
                                            alloc,
                                            parsed,
                                            plan,
                                            exchange.ids(),
                                            createdEpochSeconds,
                                            withUsage));
        } catch (RuntimeException e) {
            settler.settle(500, Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE, 0);
            throw e;
        }
    }

    /** Whether any of the names is a header {@link RequestOverrides#parse} reads. */
    private static boolean asksForOverrides(List<String> lowerCaseNames) {
        for (String name : lowerCaseNames) {
            if (RequestOverrides.HEADERS.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Lower-case header names in arrival order; never values (they may be secrets). */
    private static List<String> headerNames(FullHttpRequest request) {
        List<String> names = new ArrayList<>(request.headers().size());
        Iterator<Map.Entry<CharSequence, CharSequence>> headers =
                request.headers().iteratorCharSequence();
        while (headers.hasNext()) {
            names.add(LowerCaseNames.of(headers.next().getKey()));
        }
        return names;
    }
}
