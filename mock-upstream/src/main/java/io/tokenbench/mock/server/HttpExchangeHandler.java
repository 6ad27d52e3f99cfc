package io.tokenbench.mock.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.tokenbench.mock.logging.RateLimitedLog;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.RouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * The last handler of a connection: routes each aggregated request, one at a time (pipelined
 * requests wait in a short queue; reading pauses when it fills), and tracks the response in flight
 * so a client that goes away cancels it. Errors become OpenAI-style responses; malformed HTTP
 * closes the connection after the error. One instance per channel; event loop only.
 */
final class HttpExchangeHandler extends ChannelInboundHandlerAdapter {

    private static final int MAX_QUEUED_REQUESTS = 8;

    /** The target of the message Netty's decoder makes when the request line did not decode. */
    private static final String UNDECODED_TARGET = "/bad-request";

    private static final RateLimitedLog LOG = RateLimitedLog.named("io.tokenbench.mock.server");
    private final ServerContext server;
    private final ChatCompletions chat;
    private final ModelsEndpoint models;
    private final TextEndpoints texts;
    private final ArrayDeque<FullHttpRequest> queued = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private PlainResponse plain;
    private Exchange current;
    private InFlight inFlight;
    private long lastResponseEndNanos;

    HttpExchangeHandler(ServerContext server, ChatCompletions chat, ModelsEndpoint models) {
        this.server = server;
        this.chat = chat;
        this.models = models;
        this.texts = server.textEndpoints;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.plain = PlainResponse.of(ctx.pipeline());
        this.lastResponseEndNanos = ctx.executor().ticker().nanoTime();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null || !queued.isEmpty()) {
            queued.add(request);
            if (queued.size() >= MAX_QUEUED_REQUESTS) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        serve(request);
    }

    private void serve(FullHttpRequest request) {
        server.stats.received();
        server.stats.exchangeStarted();
        long number = server.nextRequestNumber();
        Exchange exchange =
                new Exchange(
                        ctx,
                        number,
                        server.ids(number),
                        HttpUtil.isKeepAlive(request),
                        server.gate,
                        plain,
                        this::exchangeComplete);
        exchange.countIn(server.responses, server.responses.routeOf(request.uri()));
        current = exchange;
        try {
            DecoderResult decoded = request.decoderResult();
            if (!decoded.isSuccess()) {
                server.stats.refused();
                exchange = closing(exchange, number);
                exchange.sendError(decodeError(decoded.cause(), request.uri()));
                return;
            }
            InFlight work = route(exchange, request);
            if (current == exchange) {
                inFlight = work;
            }
        } catch (ApiErrorException e) {
            server.stats.refused();
            exchange.sendError(e.error());
        } catch (RuntimeException e) {
            LOG.error("unexpected error serving " + exchange.requestId(), e);
            exchange.sendError(ApiError.serverError(500));
        } finally {
            request.release();
        }
    }

    private Exchange closing(Exchange exchange, long number) {
        Exchange closing =
                new Exchange(
                        ctx,
                        number,
                        server.ids(number),
                        false,
                        server.gate,
                        plain,
                        this::exchangeComplete);
        closing.countIn(server.responses, server.responses.other());
        current = closing;
        return closing;
    }

    private InFlight route(Exchange exchange, FullHttpRequest request) {
        String path = pathOf(request.uri());
        if (path.equals(ChatCompletions.ENDPOINT)) {
            return chat.handle(exchange, request);
        }
        TextGeneration<?> text = texts.get(path);
        if (text != null) {
            return text.handle(exchange, request);
        }
        if (path.equals(ModelsEndpoint.LIST) || path.startsWith(ModelsEndpoint.LIST + "/")) {
            models.handle(exchange, request, path);
            return null;
        }
        for (RouteGroup group : server.routeGroups) {
            if (path.equals(group.pathPrefix()) || path.startsWith(group.pathPrefix() + "/")) {
                long handlingStartNanos = ctx.executor().ticker().nanoTime();
                RouteResponse response = handleRoute(group, exchange, request, path);
                if (response.pacing().isPresent()) {
                    return RouteDelivery.start(server, exchange, response, handlingStartNanos);
                }
                exchange.sendRoute(response);
                return null;
            }
        }
        throw new ApiErrorException(ApiError.invalidUrl(request.method().name(), path));
    }

    /**
     * The path without the query; the decoder only when there is something to decode (fast path).
     */
    private static String pathOf(String uri) {
        if (uri.indexOf('?') < 0 && uri.indexOf('%') < 0 && uri.startsWith("/")) {
            return uri;
        }
        try {
            return new QueryStringDecoder(uri).path();
        } catch (IllegalArgumentException e) {
            throw new ApiErrorException(ApiError.malformedPath());
        }
    }

    /** The decoded query parameters; a malformed escape is a 400. */
    private static Map<String, List<String>> queryOf(String uri) {
        try {
            return new QueryStringDecoder(uri).parameters();
        } catch (IllegalArgumentException e) {
            throw new ApiErrorException(ApiError.malformedPath());
        }
    }

    private RouteResponse handleRoute(
            RouteGroup group, Exchange exchange, FullHttpRequest request, String path) {
        String bearer = Bearer.token(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (group.access() == RouteGroup.Access.ADMIN_TOKEN && !server.isAdminToken(bearer)) {
            return RouteResponse.error(
                    new ApiError(
                            401,
                            "Missing or invalid admin token (Authorization: Bearer"
                                    + " <admin token>).",
                            ApiError.INVALID_REQUEST,
                            null,
                            "invalid_admin_token",
                            Map.of()));
        }
        Map<String, List<String>> query = queryOf(request.uri());
        RouteRequest routeRequest =
                new RouteRequest(
                        exchange.requestId(),
                        exchange.requestNumber(),
                        request.method().name(),
                        path,
                        query,
                        name -> request.headers().get(name),
                        bearer,
                        ByteBufUtil.getBytes(request.content()));
        try {
            RouteResponse response = group.handle(routeRequest);
            if (response == null) {
                throw new IllegalStateException(
                        group.getClass().getName() + " returned no response");
            }
            return response;
        } catch (RuntimeException e) {
            LOG.error(
                    "route group " + group.pathPrefix() + " failed on " + exchange.requestId(), e);
            return RouteResponse.error(ApiError.serverError(500));
        }
    }

    /**
     * @param uri the decoded target; Netty's placeholder {@value #UNDECODED_TARGET} when the
     *     request line itself failed, so a too-long line with a real target was a chunk-size line
     *     (400)
     */
    private static ApiError decodeError(Throwable cause, String uri) {
        if (cause instanceof TooLongHttpHeaderException) {
            return ApiError.headersTooLarge();
        }
        if (cause instanceof TooLongHttpLineException) {
            return UNDECODED_TARGET.equals(uri) ? ApiError.uriTooLong() : ApiError.malformedHttp();
        }
        return cause instanceof TooLongFrameException
                ? ApiError.headersTooLarge()
                : ApiError.malformedHttp();
    }

    private void exchangeComplete() {
        server.stats.exchangeEnded();
        lastResponseEndNanos = ctx.executor().ticker().nanoTime();
        Exchange done = current;
        current = null;
        inFlight = null;
        if (done != null && !done.keepAlive()) {
            releaseQueued();
            LingeringClose.after(ctx.writeAndFlush(Unpooled.EMPTY_BUFFER));
            return;
        }
        if (!queued.isEmpty()) {
            // Serve the next pipelined request after this call stack unwinds.
            ctx.executor().execute(this::serveNext);
        }
    }

    private void serveNext() {
        if (current != null || !ctx.channel().isActive()) {
            return;
        }
        FullHttpRequest next = queued.poll();
        if (next == null) {
            return;
        }
        if (queued.size() < MAX_QUEUED_REQUESTS && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
        serve(next);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (inFlight != null) {
            inFlight.writabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (inFlight != null) {
            InFlight work = inFlight;
            inFlight = null;
            work.cancel();
        }
        if (current != null) {
            current.complete();
        }
        releaseQueued();
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        // A connection idle between requests is closed; one with a response in progress is not, nor
        // one
        // whose last response ended less than the timeout ago (no read happens during a long
        // stream).
        if (event == RequestDeadline.EXPIRED) {
            requestTimedOut();
            return;
        }
        if (event instanceof IdleStateEvent) {
            long sinceResponseNanos = ctx.executor().ticker().nanoTime() - lastResponseEndNanos;
            if (current == null
                    && sinceResponseNanos >= server.config.clientIdleTimeout().toNanos()) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)
                && !(cause instanceof PrematureChannelClosureException)) {
            LOG.warn("closing a connection after an unexpected exception", cause);
        }
        ctx.close();
    }

    /** The request deadline passed with nothing of a response written: 408, then close. */
    private void requestTimedOut() {
        if (current != null || !ctx.channel().isActive()) {
            ctx.close();
            return;
        }
        server.stats.received();
        server.stats.exchangeStarted();
        server.stats.refused();
        long number = server.nextRequestNumber();
        closing(null, number).sendError(ApiError.requestTimeout());
    }

    private void releaseQueued() {
        FullHttpRequest request;
        while ((request = queued.poll()) != null) {
            request.release();
        }
    }
}
