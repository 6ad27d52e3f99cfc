package io.tokenbench.simulations.chains;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.http.client.resolver.InetAddressNameResolver;
import io.gatling.http.engine.HttpEngine;
import io.gatling.http.util.SslContexts;
import io.netty.channel.EventLoop;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.load.Pacer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import scala.Option;

/**
 * A Gatling action running one media call ({@link MediaFlow}) through Gatling's HTTP engine: the
 * user waits on its event loop until its t_sched from the class's {@link Pacer} (open model, like
 * {@link ChatCall}), marks the arrival due for its endpoint class, runs the flow and records the
 * timeline (request or video job) in the sink. Each call is logged to Gatling's stats under the
 * class name ({@code images}, {@code video}: submit to end of job), and speech's first audio chunk
 * as {@code speech ttfa}.
 *
 * <p>Threads: everything after {@link #execute} runs on the session's event loop.
 */
final class MediaCallAction extends NamedAction {
    private final MediaCallSettings settings;
    private final MediaFlow flow;
    private final Action next;
    private final StatsEngine statsEngine;
    private final Clock clock;
    private final HttpEngine engine;
    private final Option<SslContexts> ssl;

    MediaCallAction(
            MediaCallSettings settings,
            Action next,
            StatsEngine statsEngine,
            Clock clock,
            HttpEngine engine,
            Option<SslContexts> ssl) {
        super(settings.endpoint().wireName());
        this.settings = settings;
        this.flow = settings.flow();
        this.next = next;
        this.statsEngine = statsEngine;
        this.clock = clock;
        this.engine = engine;
        this.ssl = ssl;
    }

    @Override
    public void execute(Session session) {
        settings.sink().begin();
        Pacer.Slot slot = settings.pacer().next();
        long waitNanos = slot.tSchedNanos() - System.nanoTime();
        if (waitNanos > 0) {
            session.eventLoop()
                    .schedule(() -> start(session, slot), waitNanos, TimeUnit.NANOSECONDS);
        } else {
            start(session, slot);
        }
    }

    private void start(Session session, Pacer.Slot slot) {
        long tSched = slot.tSchedNanos();
        settings.sink()
                .scheduled(tSched, settings.endpoint()); // the arrival is due now (offered load)
        Exchanges ex =
                new Exchanges(
                        engine,
                        InetAddressNameResolver.JAVA_RESOLVER,
                        ssl,
                        session,
                        settings.pooled(),
                        settings.apiKey(),
                        settings.timeouts(),
                        settings.extraHeaders());
        try {
            flow.run(ex, slot.index(), tSched, result -> finish(session, slot.index(), result));
        } catch (RuntimeException e) {
            logger().underlying().error("media call " + name() + " failed to start: " + e);
            next.$bang(session.markAsFailed());
        }
    }

    private void finish(Session session, long index, MediaResult r) {
        EventLoop loop = session.eventLoop();
        if (!loop.inEventLoop()) {
            loop.execute(() -> finish(session, index, r));
            return;
        }
        try {
            Outcome outcome = r.request() != null ? r.request().outcome() : r.job().outcome();
            if (!r.success()
                    && settings.sink().wantsErrorSample(settings.endpoint(), outcome, r.status())) {
                // media steps keep no response body: the status and the failure's detail
                settings.sink()
                        .errorSample(
                                settings.endpoint(), outcome, r.status(), Map.of(), r.detail());
            }
            if (r.request() != null) {
                settings.sink().finished(index, r.request(), "");
            } else {
                settings.sink().finishedJob(r.job());
            }
            logToGatling(session, r);
        } finally {
            next.$bang(r.success() ? session : session.markAsFailed());
        }
    }

    private void logToGatling(Session session, MediaResult r) {
        long nowNanos = System.nanoTime();
        long nowMillis = clock.nowMillis();
        long startNanos = r.startNanos();
        if (!RequestTimeline.present(startNanos)) {
            return;
        }
        long startMillis = nowMillis - (nowNanos - startNanos) / 1_000_000;
        Option<String> code =
                r.status() == 0 ? Option.empty() : Option.apply(Integer.toString(r.status()));
        Option<String> message =
                r.success()
                        ? Option.empty()
                        : Option.apply(
                                r.outcomeName() + (r.detail().isEmpty() ? "" : ": " + r.detail()));
        statsEngine.logResponse(
                session.scenario(),
                session.groups(),
                name(),
                startMillis,
                nowMillis,
                r.success() ? OK$.MODULE$ : KO$.MODULE$,
                code,
                message);
        RequestTimeline t = r.request();
        if (t != null && r.success() && RequestTimeline.present(t.tFirstNanos())) {
            statsEngine.logResponse(
                    session.scenario(),
                    session.groups(),
                    name() + " ttfa",
                    startMillis,
                    startMillis + (t.tFirstNanos() - startNanos) / 1_000_000,
                    OK$.MODULE$,
                    code,
                    Option.empty());
        }
    }
}
