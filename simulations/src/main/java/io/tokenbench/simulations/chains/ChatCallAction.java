package io.tokenbench.simulations.chains;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.http.client.Request;
import io.gatling.http.client.RequestBuilder;
import io.gatling.http.client.proxy.ProxyServer;
import io.gatling.http.client.resolver.InetAddressNameResolver;
import io.gatling.http.client.uri.Uri;
import io.gatling.http.engine.HttpEngine;
import io.gatling.http.util.SslContexts;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.load.Pacer;
import io.tokenbench.simulations.stream.EndReason;
import io.tokenbench.simulations.stream.ExchangeTrace;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import scala.Option;

/**
 * A Gatling action that sends one chat completion through Gatling's HTTP engine and observes it
 * event by event ({@link ExchangeListener}): status and headers (so 429s keep their Retry-After),
 * every SSE event with its {@code System.nanoTime()} arrival, resets and stalls. Unlike Gatling's
 * {@code sse(...)} DSL it sees non-200 statuses and never re-sends a request whose stream broke.
 *
 * <p>Open model: the user waits on its event loop until the {@link
 * io.tokenbench.simulations.load.Pacer}'s t_sched, then sends. Timeouts run on the same event loop.
 * Each request is logged to Gatling's stats as {@code chat} (send to end) and, when a token
 * arrived, {@code ttft} (send to first token), so Gatling's report and {@code details("ttft")}
 * assertions see it. The user continues with a failed session unless the outcome is a success.
 *
 * <p>Threads: everything after {@link #execute} runs on the session's event loop.
 */
final class ChatCallAction extends NamedAction {
    private final ChatCallSettings settings;
    private final Action next;
    private final StatsEngine statsEngine;
    private final Clock clock;
    private final HttpEngine engine;
    private final InetAddressNameResolver resolver;
    private final Option<SslContexts> sslContexts;
    private final Uri uri;
    private final String ttftName;
    private final ProxyServer proxy;

    /** The request headers, built and validated once; each request sends a copy. */
    private final HttpHeaders headerTemplate;

    ChatCallAction(
            ChatCallSettings settings,
            Action next,
            StatsEngine statsEngine,
            Clock clock,
            HttpEngine engine,
            InetAddressNameResolver resolver,
            Option<SslContexts> sslContexts) {
        super(settings.requestName());
        this.settings = settings;
        this.next = next;
        this.statsEngine = statsEngine;
        this.clock = clock;
        this.engine = engine;
        this.resolver = resolver;
        this.sslContexts = sslContexts;
        this.uri = Uri.create(settings.chatUrl().toString());
        this.proxy = Connections.proxy(settings.chatUrl(), settings.transport());
        this.ttftName =
                settings.requestName().equals("chat") ? "ttft" : settings.requestName() + " ttft";
        this.headerTemplate = headers(settings.bodies().stream());
    }

    @Override
    public void execute(Session session) {
        EventLoop loop = session.eventLoop();
        settings.sink().begin();
        if (settings.pacer().isEmpty()) {
            send(session, -1, RequestTimeline.ABSENT); // closed model: t_sched = t_send
            return;
        }
        Pacer.Slot slot = settings.pacer().get().next();
        long tSched = slot.tSchedNanos();
        long waitNanos = tSched - System.nanoTime();
        if (waitNanos > 0) {
            loop.schedule(
                    () -> send(session, slot.index(), tSched), waitNanos, TimeUnit.NANOSECONDS);
        } else {
            send(session, slot.index(), tSched);
        }
    }

    /** Sends request {@code index} (-1: closed model, next body in sequence). */
    private void send(Session session, long index, long tSched) {
        send(session, index, tSched, null);
    }

    /**
     * As above; {@code conversation} non-null: the next turn of a multi-turn session (index -1,
     * t_sched = t_send: it follows the previous answer, not the schedule).
     */
    private void send(Session session, long index, long tSched, Conversation conversation) {
        if (tSched != RequestTimeline.ABSENT) {
            settings.sink()
                    .scheduled(tSched, EndpointClass.CHAT); // the arrival is due now (offered load)
        }
        long bodyIndex =
                conversation != null
                        ? conversation.bodyIndex()
                        : index < 0 ? settings.bodies().nextIndex() : index;
        Conversation conv =
                conversation != null
                        ? conversation
                        : settings.bodies()
                                .session(bodyIndex)
                                .map(s -> new Conversation(s, bodyIndex))
                                .orElse(null);
        String body =
                conv == null
                        ? settings.bodies().body(bodyIndex)
                        : settings.bodies().body(bodyIndex, conv.item());
        attempt(
                session,
                new Attempt(
                        index,
                        tSched,
                        body.getBytes(StandardCharsets.UTF_8),
                        0,
                        settings.bodies().maxTokens(bodyIndex),
                        conv));
    }

    /**
     * One send of a request: its place in the schedule, its bytes, which retry it is (0: the first
     * send), the output length it asked for and the session turn it serves (null: none).
     */
    private record Attempt(
            long index,
            long tSched,
            byte[] body,
            int retry,
            int requestedTokens,
            Conversation conversation) {
        Attempt next() {
            return new Attempt(index, tSched, body, retry + 1, requestedTokens, conversation);
        }
    }

    private void attempt(Session session, Attempt attempt) {
        boolean stream = settings.bodies().stream();
        ExchangeTrace trace =
                new ExchangeTrace(
                        stream, attempt.conversation() != null, settings.sink().wantsSampleText());
        Request request =
                RequestBodies.once(
                                new RequestBuilder(
                                        settings.requestName(), HttpMethod.POST, uri, resolver),
                                headerTemplate.copy(),
                                attempt.body())
                        .setProxyServer(proxy)
                        .setHttp2Enabled(settings.transport().http2())
                        // A backstop only: our own total timeout below fires first and classifies
                        // the exchange.
                        .setRequestTimeout(settings.timeouts().total().toMillis() + 5_000)
                        .build();
        ExchangeListener[] self = new ExchangeListener[1];
        ExchangeTimer timer = new ExchangeTimer(session.eventLoop());
        ExchangeListener listener =
                new ExchangeListener(
                        trace, reason -> finish(session, attempt, trace, self[0], timer, reason));
        self[0] = listener;
        trace.sent(System.nanoTime());
        try {
            engine.executeRequest(
                    request,
                    session.userId(),
                    settings.pooled(),
                    session.eventLoop(),
                    listener,
                    sslContexts);
        } catch (RuntimeException e) {
            listener.onThrowable(
                    e); // e.g. the engine is already closed: the request ends, the user continues
            return;
        }
        scheduleTimeoutCheck(
                timer,
                trace,
                listener,
                Math.min(
                        settings.timeouts().firstToken().toNanos(),
                        settings.timeouts().idle().toNanos()));
    }

    private HttpHeaders headers(boolean stream) {
        HttpHeaders h =
                new DefaultHttpHeaders()
                        .add(HttpHeaderNames.AUTHORIZATION, settings.apiKey().bearerHeader())
                        .add(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .add(
                                HttpHeaderNames.ACCEPT,
                                stream ? "text/event-stream" : "application/json");
        settings.extraHeaders().forEach(h::set); // a user's header replaces ours of the same name
        return h;
    }

    /**
     * One timer per exchange, re-armed to the nearest deadline (first token, idle or total) but
     * never further than one idle period away, so a stall right after the first token is caught
     * within the idle timeout even while the first-token deadline is still far.
     */
    private void scheduleTimeoutCheck(
            ExchangeTimer timer, ExchangeTrace trace, ExchangeListener listener, long delayNanos) {
        timer.arm(
                delayNanos,
                () -> {
                    if (trace.ended()) {
                        return;
                    }
                    long now = System.nanoTime();
                    long start = trace.sendNanos();
                    long totalDeadline = start + settings.timeouts().total().toNanos();
                    boolean waitingForFirst =
                            settings.bodies().stream() ? !trace.hasOutput() : trace.status() == 0;
                    long phaseDeadline =
                            waitingForFirst
                                    ? start + settings.timeouts().firstToken().toNanos()
                                    : trace.lastActivityNanos()
                                            + settings.timeouts().idle().toNanos();
                    if (now >= totalDeadline) {
                        listener.abort(EndReason.TIMEOUT_TOTAL);
                    } else if (now >= phaseDeadline) {
                        listener.abort(
                                waitingForFirst
                                        ? EndReason.TIMEOUT_FIRST_TOKEN
                                        : EndReason.TIMEOUT_IDLE);
                    } else {
                        long idleNanos = settings.timeouts().idle().toNanos();
                        scheduleTimeoutCheck(
                                timer,
                                trace,
                                listener,
                                Math.min(Math.min(totalDeadline, phaseDeadline) - now, idleNanos));
                    }
                });
    }

    private void finish(
            Session session,
            Attempt attempt,
            ExchangeTrace trace,
            ExchangeListener listener,
            ExchangeTimer timer,
            EndReason reason) {
        EventLoop loop = session.eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> finish(session, attempt, trace, listener, timer, reason));
            return;
        }
        timer.cancel();
        Outcome outcome = trace.outcome();
        if (attempt.retry() < settings.retries() && Backoff.retryable(outcome, trace.status())) {
            // --retries: the SDK's backoff, Retry-After honoured; only the last attempt is recorded
            long delayNanos = Backoff.delayNanos(attempt.retry(), trace.retryAfterMillis());
            loop.schedule(() -> attempt(session, attempt.next()), delayNanos, TimeUnit.NANOSECONDS);
            return;
        }
        RequestTimeline timeline =
                trace.timeline(
                        attempt.tSched(),
                        settings.price()
                                .microCredits(trace.promptTokens(), trace.completionTokens()),
                        attempt.retry());
        try {
            if (timeline.outcome().isSuccess()) {
                settings.outputLengths()
                        .record(attempt.requestedTokens(), trace.completionTokens());
            }
            if (!outcome.isSuccess()
                    && settings.sink()
                            .wantsErrorSample(EndpointClass.CHAT, outcome, trace.status())) {
                String text = trace.status() == 0 ? listener.failure() : trace.errorBodyText();
                if (text.isEmpty() && !trace.detail().isEmpty()) {
                    text = trace.detail();
                }
                settings.sink()
                        .errorSample(
                                EndpointClass.CHAT,
                                outcome,
                                trace.status(),
                                trace.sampledHeaders(),
                                text);
            }
            settings.sink().finished(attempt.index(), timeline, trace.sampleText());
            logToGatling(session, timeline, trace);
        } finally {
            boolean ok = timeline.outcome().isSuccess();
            Conversation conversation = attempt.conversation();
            if (ok && conversation != null && conversation.answered(trace.text())) {
                // the session's next turn, with the answer just received, after the think time
                loop.schedule(
                        () -> send(session, -1, RequestTimeline.ABSENT, conversation),
                        Math.max(1, settings.bodies().thinkTime().toNanos()),
                        TimeUnit.NANOSECONDS);
            } else {
                // whatever recording did, the virtual user goes on (a stuck user would hold the
                // run to its max duration)
                next.$bang(ok ? session : session.markAsFailed());
            }
        }
    }

    private void logToGatling(Session session, RequestTimeline t, ExchangeTrace trace) {
        long nowNanos = System.nanoTime();
        long nowMillis = clock.nowMillis();
        long sendMillis = nowMillis - (nowNanos - t.tSendNanos()) / 1_000_000;
        boolean ok = t.outcome().isSuccess();
        Status status = ok ? OK$.MODULE$ : KO$.MODULE$;
        Option<String> code = StatusCodes.option(trace.status());
        Option<String> message =
                ok
                        ? Option.empty()
                        : Option.apply(
                                t.outcome().wireName()
                                        + (trace.detail().isEmpty() ? "" : ": " + trace.detail()));
        long endNanos =
                RequestTimeline.present(t.tDoneNanos())
                        ? Math.max(t.tDoneNanos(), t.tLastNanos())
                        : nowNanos;
        statsEngine.logResponse(
                session.scenario(),
                session.groups(),
                settings.requestName(),
                sendMillis,
                sendMillis + (endNanos - t.tSendNanos()) / 1_000_000,
                status,
                code,
                message);
        if (ok && RequestTimeline.present(t.tFirstNanos())) {
            statsEngine.logResponse(
                    session.scenario(),
                    session.groups(),
                    ttftName,
                    sendMillis,
                    sendMillis + (t.tFirstNanos() - t.tSendNanos()) / 1_000_000,
                    OK$.MODULE$,
                    code,
                    Option.empty());
        }
    }
}
