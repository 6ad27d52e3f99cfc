package io.tokenbench.benchmarks.mockload;

import io.tokenbench.mock.server.Transport;
import io.tokenbench.options.Commands;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The streaming soak's command line (run by benchmarks/scripts/mock-stream-soak.sh), parsed into
 * {@link SoakOptions}; the admin token comes from the environment variable {@code
 * --admin-token-env} names.
 */
@Command(
        name = "stream-soak",
        mixinStandardHelpOptions = true,
        description = {
            "Hold --streams concurrent SSE streams against a running mock and print its scheduling"
                    + " lag from /admin/stats.",
            "One keep-alive connection per stream, a new stream as soon as one ends; the mock's"
                    + " statistics are reset after --warmup and read after --duration.",
            ""
        },
        footer = {"", "Exit codes: 0 measured, 2 bad usage or the mock's admin API failed."})
final class SoakCommand implements Callable<Integer> {

    /** How the scripts run it; what usage lines and errors name. */
    static final String COMMAND =
            "java -cp benchmarks/target/benchmarks.jar " + StreamSoak.class.getName();

    @Spec CommandSpec spec;

    @Option(
            names = "--base-url",
            paramLabel = "URL",
            required = true,
            description = "the mock, without /v1, e.g. http://127.0.0.1:8080")
    URI baseUrl;

    @Option(
            names = "--admin-token-env",
            paramLabel = "NAME",
            defaultValue = "MOCK_ADMIN_TOKEN",
            description =
                    "the environment variable holding the mock's admin token (default:"
                            + " ${DEFAULT-VALUE})")
    String adminTokenEnv;

    @Option(
            names = "--streams",
            paramLabel = "N",
            defaultValue = "5000",
            description = "concurrent streams, one connection each (default: ${DEFAULT-VALUE})")
    int streams;

    @Option(
            names = "--itl-ms",
            paramLabel = "MS",
            defaultValue = "10",
            description = "milliseconds between tokens, x-mock-itl-ms (default: ${DEFAULT-VALUE})")
    int itlMillis;

    @Option(
            names = "--tokens",
            paramLabel = "N",
            defaultValue = "2000",
            description = "output tokens per stream (default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(
            names = "--lengths",
            paramLabel = "uniform|fixed",
            defaultValue = "uniform",
            description =
                    "stream lengths: uniform draws each stream's from 1 to 2 x --tokens - 1, so"
                            + " completions spread over time; fixed gives every stream --tokens, so"
                            + " the streams the ramp started together also end together (default:"
                            + " ${DEFAULT-VALUE})")
    String lengths;

    @Option(
            names = "--connect-per-sec",
            paramLabel = "N",
            defaultValue = "1000",
            description = "connection ramp rate (default: ${DEFAULT-VALUE})")
    int connectPerSec;

    @Option(
            names = "--warmup",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description =
                    "after the ramp, before the mock's statistics are reset (default:"
                            + " ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(
            names = "--transport",
            paramLabel = "NAME",
            defaultValue = "auto",
            description =
                    "the client's transport: io_uring, epoll, nio or auto, as the mock's"
                            + " --transport (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "30s",
            description = "the measured window (default: ${DEFAULT-VALUE})")
    Duration duration;

    private final UnaryOperator<String> environment;

    SoakCommand() {
        this(System::getenv);
    }

    /** With {@code environment} in place of the process environment (tests). */
    SoakCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** The strict command line (see {@link Commands#create}), named as the scripts run it. */
    static CommandLine commandLine(SoakCommand command) {
        CommandLine line = Commands.create(command, "");
        line.setCommandName(COMMAND);
        return line;
    }

    @Override
    public Integer call() throws Exception {
        return StreamSoak.run(options(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The named transport resolved; unknown or unavailable is an error naming the option. */
    private static Transport resolved(String name) {
        try {
            return Transport.parse(name).resolve();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("--transport: " + e.getMessage(), e);
        }
    }

    /** The validated options; a {@link ParameterException} (exit 2) names what is wrong. */
    SoakOptions options() {
        String token = environment.apply(adminTokenEnv);
        if (token == null || token.isBlank()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--admin-token-env: environment variable " + adminTokenEnv + " is not set");
        }
        try {
            return new SoakOptions(
                    baseUrl,
                    token,
                    streams,
                    itlMillis,
                    tokens,
                    StreamLengths.parse(lengths),
                    connectPerSec,
                    warmup,
                    duration,
                    resolved(transport));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
