package io.tokenbench.simulations.cli.options;

import io.tokenbench.options.DurationGrammar;
import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.MediaMix;
import io.tokenbench.simulations.config.ScenarioKind;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How much load and for how long ({@code run} and {@code calibrate}; the sweep's load is its
 * steps): {@code --load}, its shortcuts {@code --rate} and {@code --concurrency} (at most one of
 * the three), and {@code --duration}. Where a scenario has its own default shape, it applies when
 * none of the three is given.
 */
public final class LoadShapeOptions {
    static final String DEFAULT_LOAD = "poisson(10/s)";
    static final String SPIKE_LOAD = "spike(5/s,25/s,at=20s,for=10s)";
    static final String DEFAULT_DURATION = "60s";
    static final String SOAK_DURATION = "30m";

    @Option(
            names = "--rate",
            paramLabel = "R",
            description =
                    "shortcut for --load poisson(R/s).%n"
                            + "  Default: 10 (from the default load, poisson(10/s))")
    private Double rate;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description =
                    "shortcut for --load concurrency(N): N users in a loop (closed model).%n"
                            + "  Default: none (the default load is open)")
    private Integer concurrency;

    @Option(
            names = "--load",
            paramLabel = "SHAPE",
            converter = Converters.Load.class,
            description =
                    "poisson(R/s) | constant(R/s) | ramp(A/s..B/s) | steps(S/s,+I/s,xN,D) |"
                            + " spike(B/s,P/s,at=T,for=D) | concurrency(N).%n"
                            + "  Default: "
                            + DEFAULT_LOAD
                            + " (spike: "
                            + SPIKE_LOAD
                            + "; mixed: poisson of the --mix sum)")
    private LoadModel load;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description =
                    "measured window after the warm-up.%n  Default: "
                            + DEFAULT_DURATION
                            + " (soak: "
                            + SOAK_DURATION
                            + ")")
    private Duration duration;

    @Option(
            names = "--trace-speed",
            paramLabel = "X",
            description =
                    "--load trace(FILE): replay X times faster (2: half the gaps).%n"
                            + "  Default: 1 (the trace's own timestamps)")
    private Double traceSpeed;

    /**
     * The load of {@code scenario}: the one given (or set by a system property), else the
     * scenario's default; a closed model's users are this injector's share of them.
     *
     * @throws IllegalArgumentException naming the option when more than one is given or a value is
     *     invalid
     */
    public LoadModel load(ScenarioKind scenario, MediaMix mix, InjectorShare injectors) {
        int given = (rate != null ? 1 : 0) + (concurrency != null ? 1 : 0) + (load != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException(
                    "--load: give only one of --rate, --concurrency, --load");
        }
        LoadModel chosen;
        if (rate != null) {
            chosen = named("--rate", () -> new LoadModel.ConstantRate(rate, true));
        } else if (concurrency != null) {
            chosen = named("--concurrency", () -> new LoadModel.Concurrency(concurrency));
        } else if (load != null) {
            chosen = load;
        } else {
            chosen =
                    switch (scenario) {
                        case SPIKE -> LoadModel.parse(SPIKE_LOAD);
                        // the merged Poisson stream of the mix
                        case MIXED -> new LoadModel.ConstantRate(mix.totalRatePerSec(), true);
                        default -> LoadModel.parse(DEFAULT_LOAD);
                    };
        }
        if (chosen instanceof LoadModel.Concurrency c) {
            return new LoadModel.Concurrency(injectors.usersOf(c.users()));
        }
        if (traceSpeed != null) {
            if (!(chosen instanceof LoadModel.Trace t)) {
                throw new IllegalArgumentException(
                        "--trace-speed: applies only to --load trace(FILE)");
            }
            return named("--trace-speed", () -> t.withSpeed(traceSpeed));
        }
        return chosen;
    }

    /**
     * The measured window: as given, else the trace's length ({@code --load trace(FILE)}), else the
     * scenario's default.
     */
    public Duration duration(ScenarioKind scenario) {
        if (duration != null) {
            return duration;
        }
        if (load instanceof LoadModel.Trace t) {
            return t.withSpeed(traceSpeed == null ? 1 : traceSpeed).length();
        }
        return DurationGrammar.parse(
                scenario == ScenarioKind.SOAK ? SOAK_DURATION : DEFAULT_DURATION);
    }

    private interface Build {
        LoadModel get();
    }

    private static LoadModel named(String option, Build build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
