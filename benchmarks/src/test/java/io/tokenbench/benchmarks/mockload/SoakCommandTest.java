package io.tokenbench.benchmarks.mockload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The soak's options: defaults the script relies on, the shared duration grammar, errors. */
class SoakCommandTest {

    private static final String TOKEN = "adm-secret-token-123";
    private final StringWriter err = new StringWriter();

    private static SoakOptions parse(Map<String, String> env, String... args) {
        SoakCommand command = new SoakCommand(env::get);
        SoakCommand.commandLine(command).parseArgs(args);
        return command.options();
    }

    /** Runs the command line; every case here fails before any connection is made. */
    private int run(Map<String, String> env, String... args) {
        CommandLine line = SoakCommand.commandLine(new SoakCommand(env::get));
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void defaultsAreTheDocumentedOnesAndTheTokenComesFromTheEnvironment() {
        SoakOptions o =
                parse(Map.of("MOCK_ADMIN_TOKEN", TOKEN), "--base-url", "http://127.0.0.1:9");
        assertThat(o.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(o.adminToken()).isEqualTo(TOKEN);
        assertThat(o.streams()).isEqualTo(5000);
        assertThat(o.itlMillis()).isEqualTo(10);
        assertThat(o.tokens()).isEqualTo(2000);
        assertThat(o.lengths()).isEqualTo(StreamLengths.UNIFORM);
        assertThat(o.connectPerSec()).isEqualTo(1000);
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.toString()).doesNotContain(TOKEN);
    }

    @Test
    void durationsUseTheSharedGrammarAndTheVariableCanBeRenamed() {
        SoakOptions o =
                parse(
                        Map.of("SOAK_TOKEN", TOKEN),
                        "--base-url",
                        "http://127.0.0.1:9",
                        "--admin-token-env",
                        "SOAK_TOKEN",
                        "--warmup",
                        "1m30s",
                        "--duration",
                        "500ms",
                        "--streams",
                        "3",
                        "--lengths",
                        "fixed");
        assertThat(o.lengths()).isEqualTo(StreamLengths.FIXED);
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.streams()).isEqualTo(3);
    }

    @Test
    void badOptionsExit2NamingTheOptionAndNeverPrintTheToken() {
        Map<String, String> env = Map.of("MOCK_ADMIN_TOKEN", TOKEN);
        String url = "http://127.0.0.1:9";
        assertThat(run(env, "--base-url", url, "--warmup", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup", "'10' is not a duration");
        assertThat(run(env, "--base-url", url, "--streams", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--streams must be >= 1");
        assertThat(run(env, "--streams", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--base-url");
        assertThat(run(env, "--base-url", url, "--lengths", "random")).isEqualTo(2);
        assertThat(err.toString()).contains("--lengths must be uniform or fixed, got 'random'");
        assertThat(run(env, "--base-url", url, "--tokens", "1000001")).isEqualTo(2);
        assertThat(err.toString()).contains("--tokens must be <= 1000000");
        assertThat(run(env, "--base-url", url, "--duration", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--duration must be positive");
        assertThat(run(Map.of(), "--base-url", url)).isEqualTo(2);
        assertThat(err.toString())
                .contains("--admin-token-env: environment variable MOCK_ADMIN_TOKEN is not set");
        assertThat(run(env, "--base-url", url, "--streams", "1", "--streams", "2")).isEqualTo(2);
        assertThat(err.toString())
                .contains("--streams")
                .contains("io.tokenbench.benchmarks.mockload.StreamSoak --help")
                .doesNotContain(TOKEN);
    }
}
