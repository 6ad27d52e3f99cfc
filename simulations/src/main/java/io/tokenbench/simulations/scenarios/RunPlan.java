package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.simulations.chains.ChatCallSettings;
import io.tokenbench.simulations.chains.MediaCallSettings;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.Endpoints;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.ScenarioKind;
import io.tokenbench.simulations.load.Pacer;
import io.tokenbench.simulations.load.ScheduleAnchor;
import io.tokenbench.simulations.record.AbortWatch;
import io.tokenbench.simulations.record.OutputLengths;
import io.tokenbench.simulations.record.PairedDifferences;
import io.tokenbench.simulations.record.RunSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything one Gatling run executes: its lanes, key, limits, and where lanes record. Handed to
 * {@link TokenbenchSimulation} through {@link #install}, because Gatling instantiates the
 * simulation class itself. {@link #start()} opens every lane's run folder on one shared clock;
 * {@link #close()} closes them (idempotent, also from a shutdown hook).
 */
public final class RunPlan implements AutoCloseable {
    private static final AtomicReference<RunPlan> CURRENT = new AtomicReference<>();

    private final RunParameters params;
    private final List<Lane> lanes;
    private final ApiKey apiKey;
    private final Path lanesRoot;
    private final Duration maxDuration;
    private final ScheduleAnchor anchor;
    private final PairedDifferences pairs;
    private final List<DeferredSink> sinks = new ArrayList<>();
    private final List<OutputLengths> outputLengths = new ArrayList<>();
    private final MixedTraffic mixed;
    private final AbortWatch abortWatch;
    private volatile RunClock clock;
    private boolean closed;

    /**
     * {@code anchor} is the one shared by the lanes' pacers; it is fixed when the run's clock
     * starts.
     */
    public RunPlan(
            RunParameters params,
            List<Lane> lanes,
            ApiKey apiKey,
            Path lanesRoot,
            Duration maxDuration,
            ScheduleAnchor anchor) {
        this(params, lanes, apiKey, lanesRoot, maxDuration, anchor, null);
    }

    /** A mixed run: one lane (one run folder) carrying {@code mixed}'s endpoint classes. */
    public RunPlan(
            RunParameters params,
            List<Lane> lanes,
            ApiKey apiKey,
            Path lanesRoot,
            Duration maxDuration,
            ScheduleAnchor anchor,
            MixedTraffic mixed) {
        if (mixed != null && lanes.size() != 1) {
            throw new IllegalArgumentException("a mixed run has one lane");
        }
        this.mixed = mixed;
        this.anchor = anchor;
        this.params = params;
        this.lanes = List.copyOf(lanes);
        this.apiKey = apiKey;
        this.lanesRoot = lanesRoot;
        this.maxDuration = maxDuration;
        this.pairs =
                params.scenario() == ScenarioKind.GATEWAY_OVERHEAD && lanes.size() == 2
                        ? new PairedDifferences()
                        : null;
        this.abortWatch = new AbortWatch(params.guards().abortOn());
        for (int i = 0; i < lanes.size(); i++) {
            sinks.add(new DeferredSink(this::start, i, pairs, abortWatch));
            outputLengths.add(new OutputLengths());
        }
    }

    /** Makes {@code plan} the one the next simulation instance runs. */
    public static void install(RunPlan plan) {
        CURRENT.set(plan);
    }

    static RunPlan current() {
        RunPlan p = CURRENT.get();
        if (p == null) {
            throw new IllegalStateException(
                    "no RunPlan installed: start runs with TokenbenchRun, not Gatling directly");
        }
        return p;
    }

    public RunParameters params() {
        return params;
    }

    public List<Lane> lanes() {
        return lanes;
    }

    public Duration maxDuration() {
        return maxDuration;
    }

    /** The action settings of lane {@code i}. */
    ChatCallSettings settings(int i) {
        Lane lane = lanes.get(i);
        return new ChatCallSettings(
                lanes.size() == 1 ? "chat" : "chat " + lane.name(),
                Endpoints.resolve(lane.baseUrl(), lane.bodies().api().path()),
                apiKey,
                lane.bodies(),
                params.timeouts(),
                lane.pacer(),
                sinks.get(i),
                lane.extraHeaders(),
                params.pooledConnections(),
                lane.price(),
                params.transport(),
                outputLengths.get(i),
                params.guards().retries());
    }

    /** Requested vs received output length of lane {@code i}'s successful requests. */
    public OutputLengths outputLengths(int i) {
        return outputLengths.get(i);
    }

    /** The run's {@code --abort-on} watch: tripped once the load should stop. */
    public AbortWatch abortWatch() {
        return abortWatch;
    }

    /** The endpoint classes of a mixed run, else empty. */
    public java.util.Optional<MixedTraffic> mixed() {
        return java.util.Optional.ofNullable(mixed);
    }

    /** The action settings of a mixed run's media class {@code endpoint}. */
    MediaCallSettings mediaSettings(EndpointClass endpoint) {
        Lane lane = lanes.get(0);
        return new MediaCallSettings(
                endpoint,
                lane.baseUrl(),
                apiKey,
                mixed.requests(),
                params.timeouts(),
                params.videoTimeout(),
                mixed.pacers().get(endpoint),
                sinks.get(0),
                lane.extraHeaders(),
                params.pooledConnections(),
                mixed.price(endpoint));
    }

    /** Opens every lane's run folder and recorder on one clock; called by the first user to run. */
    synchronized void start() {
        if (clock != null || closed) {
            return;
        }
        RunClock c = RunClock.now();
        anchor.fixAt(c.startNanoTime() + Pacer.LEAD_NANOS);
        long graceEndNanos =
                c.startNanoTime()
                        + Pacer.LEAD_NANOS
                        + params.injectionLength().plus(params.grace()).toNanos();
        for (int i = 0; i < lanes.size(); i++) {
            sinks.get(i)
                    .open(
                            RunSink.open(
                                    lanesRoot,
                                    lanes.get(i).info().apply(c.startEpochMillis()),
                                    c,
                                    List.of(apiKey.secretForRedaction())),
                            graceEndNanos,
                            measuredWindow(c));
        }
        clock = c;
    }

    /**
     * The measured window in {@code System.nanoTime()}: t_sched from the end of the warm-up to the
     * end of the duration (as the recorder classifies phases). Steps (sweep levels) have no
     * separate duration: their whole injection after the warm-up.
     */
    private long[] measuredWindow(RunClock c) {
        long from = c.startNanoTime() + params.warmup().toNanos();
        long to = c.startNanoTime() + params.injectionLength().toNanos();
        return new long[] {from, to};
    }

    /** Gateway-overhead's request-by-request differences (lane 0 minus lane 1), else empty. */
    public java.util.Optional<PairedDifferences> pairs() {
        return java.util.Optional.ofNullable(pairs);
    }

    /** The run's clock, or null before {@link #start()}. */
    public RunClock clock() {
        return clock;
    }

    /** The open sinks, in lane order (empty before {@link #start()}). */
    public List<RunSink> openSinks() {
        List<RunSink> out = new ArrayList<>();
        for (DeferredSink s : sinks) {
            if (s.target() != null) {
                out.add(s.target());
            }
        }
        return out;
    }

    /** Closes every open sink: last interval, unfinished requests as timeouts, samples. */
    @Override
    public synchronized void close() {
        closed = true;
        for (RunSink s : openSinks()) {
            s.close();
        }
    }
}
