package io.tokenbench.simulations.chains;

import io.gatling.core.session.Session;
import io.gatling.http.client.Request;
import io.gatling.http.client.RequestBuilder;
import io.gatling.http.client.resolver.InetAddressNameResolver;
import io.gatling.http.client.uri.Uri;
import io.gatling.http.engine.HttpEngine;
import io.gatling.http.util.SslContexts;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.Timeouts;
import io.tokenbench.simulations.stream.EndReason;
import io.tokenbench.simulations.stream.StepTrace;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import scala.Option;

/**
 * Sends the HTTP exchanges of one media call (one for most endpoints; submit, polls and download
 * for a video job) through Gatling's HTTP engine on the virtual user's event loop, each observed
 * read by read into a {@link StepTrace} by the same {@link ExchangeListener} the chat call uses.
 * One timer per exchange enforces the timeouts: no response headers within the first-token timeout,
 * silence longer than the idle timeout, or the total timeout; the exchange is then aborted and its
 * connection closed.
 *
 * <p>Threads: everything runs on the session's event loop; {@code done} is called there exactly
 * once.
 */
final class Exchanges {
    private final HttpEngine engine;
    private final InetAddressNameResolver resolver;
    private final Option<SslContexts> ssl;
    private final Session session;
    private final boolean pooled;
    private final ApiKey apiKey;
    private final Timeouts timeouts;
    private final Map<String, String> extraHeaders;

    Exchanges(
            HttpEngine engine,
            InetAddressNameResolver resolver,
            Option<SslContexts> ssl,
            Session session,
            boolean pooled,
            ApiKey apiKey,
            Timeouts timeouts,
            Map<String, String> extraHeaders) {
        this.engine = engine;
        this.resolver = resolver;
        this.ssl = ssl;
        this.session = session;
        this.pooled = pooled;
        this.apiKey = apiKey;
        this.timeouts = timeouts;
        this.extraHeaders = extraHeaders;
    }

    /** POST {@code body} of {@code contentType} to {@code url}. */
    void post(
            String name,
            URI url,
            String contentType,
            byte[] body,
            String accept,
            StepTrace trace,
            Consumer<StepTrace> done) {
        HttpHeaders h = headers(accept).add(HttpHeaderNames.CONTENT_TYPE, contentType);
        extraHeaders.forEach(h::add);
        send(
                RequestBodies.once(
                        new RequestBuilder(
                                name, HttpMethod.POST, Uri.create(url.toString()), resolver),
                        h,
                        body),
                trace,
                done);
    }

    /**
     * GET {@code url} (a video job's status poll or content download). The extra headers are not
     * sent here: they configure the call (the mock's {@code x-mock-fault} on a submission fails the
     * job), not its polls.
     */
    void get(String name, URI url, String accept, StepTrace trace, Consumer<StepTrace> done) {
        send(
                new RequestBuilder(name, HttpMethod.GET, Uri.create(url.toString()), resolver)
                        .setHeaders(headers(accept)),
                trace,
                done);
    }

    /** Runs {@code task} on this user's event loop after {@code delayNanos}. */
    void schedule(long delayNanos, Runnable task) {
        session.eventLoop().schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private HttpHeaders headers(String accept) {
        HttpHeaders h =
                new DefaultHttpHeaders()
                        .add(HttpHeaderNames.AUTHORIZATION, apiKey.bearerHeader())
                        .add(HttpHeaderNames.ACCEPT, accept);
        return h;
    }

    private void send(RequestBuilder builder, StepTrace trace, Consumer<StepTrace> done) {
        // A backstop only: the timer below fires first and classifies the exchange.
        Request request = builder.setRequestTimeout(timeouts.total().toMillis() + 5_000).build();
        ExchangeTimer timer = new ExchangeTimer(session.eventLoop());
        ExchangeListener listener =
                new ExchangeListener(
                        trace,
                        reason -> {
                            if (session.eventLoop().inEventLoop()) {
                                timer.cancel();
                                done.accept(trace);
                            } else {
                                session.eventLoop()
                                        .execute(
                                                () -> {
                                                    timer.cancel();
                                                    done.accept(trace);
                                                });
                            }
                        });
        trace.sent(System.nanoTime());
        try {
            engine.executeRequest(
                    request, session.userId(), pooled, session.eventLoop(), listener, ssl);
        } catch (RuntimeException e) {
            listener.onThrowable(
                    e); // e.g. the engine is already closed: the exchange ends as a connect failure
            return;
        }
        checkTimeouts(
                timer,
                trace,
                listener,
                Math.min(timeouts.firstToken().toNanos(), timeouts.idle().toNanos()));
    }

    private void checkTimeouts(
            ExchangeTimer timer, StepTrace trace, ExchangeListener listener, long delayNanos) {
        timer.arm(
                delayNanos,
                () -> {
                    if (trace.ended()) {
                        return;
                    }
                    long now = System.nanoTime();
                    long start = trace.sendNanos();
                    long totalDeadline = start + timeouts.total().toNanos();
                    boolean waitingForHeaders = trace.status() == 0;
                    long phaseDeadline =
                            waitingForHeaders
                                    ? start + timeouts.firstToken().toNanos()
                                    : trace.lastActivityNanos() + timeouts.idle().toNanos();
                    if (now >= totalDeadline) {
                        listener.abort(
                                waitingForHeaders
                                        ? EndReason.TIMEOUT_FIRST_TOKEN
                                        : EndReason.TIMEOUT_TOTAL);
                    } else if (now >= phaseDeadline) {
                        listener.abort(
                                waitingForHeaders
                                        ? EndReason.TIMEOUT_FIRST_TOKEN
                                        : EndReason.TIMEOUT_IDLE);
                    } else {
                        checkTimeouts(
                                timer,
                                trace,
                                listener,
                                Math.min(
                                        Math.min(totalDeadline, phaseDeadline) - now,
                                        timeouts.idle().toNanos()));
                    }
                });
    }
}
