package io.tokenbench.simulations.metrics;

import io.tokenbench.options.Commands;
import io.tokenbench.options.DurationConverter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The live-metrics options of every load command, as a picocli mixin: {@code @Mixin MetricsOptions
 * metrics;} in the command, and {@code try (var exposition = metrics.start(out)) { ...run... }}
 * around the run.
 */
public final class MetricsOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description =
                    "Serve Prometheus metrics at http://HOST:PORT/metrics while the run lasts"
                            + " (0: any free port; default: not served)")
    Integer port;

    @Option(
            names = "--metrics-host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description =
                    "Address the metrics endpoint binds (0.0.0.0 in a pod, so Prometheus can"
                            + " scrape it) (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = "--metrics-grace",
            paramLabel = "DURATION",
            defaultValue = "60s",
            converter = DurationConverter.class,
            description =
                    "After the run, keep serving until one scrape has read the final values, at"
                            + " most this long (0: stop at once) (default: ${DEFAULT-VALUE})")
    Duration grace;

    /** Whether {@code --metrics-port} was given. */
    public boolean enabled() {
        return port != null;
    }

    /**
     * Starts the exposition when {@code --metrics-port} was given and prints where it is; without
     * it, returns a {@link MetricsExposition#disabled()} one. Exit 2 (a {@link ParameterException}
     * naming the option) for a port out of range, a host that does not resolve, an address that
     * cannot be bound, or {@code --metrics-host}/{@code --metrics-grace} without {@code
     * --metrics-port}.
     */
    public MetricsExposition start(PrintStream out) {
        Commands.rejectUnless(
                spec,
                enabled(),
                "applies only with --metrics-port",
                "--metrics-host",
                "--metrics-grace");
        if (!enabled()) {
            return MetricsExposition.disabled();
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(
                    spec.commandLine(), "--metrics-port must be in 0..65535: " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ParameterException(
                    spec.commandLine(), "--metrics-host does not resolve: " + host);
        }
        try {
            MetricsExposition exposition =
                    MetricsExposition.start(new InetSocketAddress(address, port), grace);
            out.println(
                    "tokenbench: Prometheus metrics at http://"
                            + hostForUrl(address)
                            + ":"
                            + exposition.port()
                            + MetricsExposition.PATH);
            return exposition;
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--metrics-port: cannot listen on "
                            + host
                            + ":"
                            + port
                            + " ("
                            + e.getMessage()
                            + ")");
        }
    }

    private static String hostForUrl(InetAddress address) {
        String literal = address.getHostAddress();
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }
}
