package io.tokenbench.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

class CommandsTest {

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "a demo command")
    static final class Demo implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--model", description = "model name")
        String model = "m";

        @Option(
                names = "--duration",
                description = "how long (default: ${DEFAULT-VALUE})",
                defaultValue = "60s")
        Duration duration;

        @Option(names = "--scenario")
        String scenario = "streaming";

        @Option(names = "--compare")
        String compare;

        @Override
        public Integer call() {
            Commands.rejectUnless(
                    spec,
                    scenario.equals("model-compare"),
                    "applies only to --scenario model-compare",
                    "--compare");
            return ExitCode.PASS;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(Demo demo, String... args) {
        CommandLine line = Commands.create(demo, "demo");
        line.setErr(new PrintWriter(err, true));
        line.setOut(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void parsesDurationsWithTheSharedGrammar() {
        Demo demo = new Demo();
        assertThat(run(demo, "--duration", "1m30s")).isZero();
        assertThat(demo.duration).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aBadDurationExitsTwoNamingTheOption() {
        assertThat(run(new Demo(), "--duration", "60")).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(err.toString()).contains("--duration").contains("./tokenbench demo --help");
    }

    @Test
    void aRepeatedSingleValueOptionIsAnError() {
        assertThat(run(new Demo(), "--model", "a", "--model", "b"))
                .isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(err.toString()).contains("--model");
    }

    @Test
    void anOptionNameIsNeverTakenAsAValue() {
        Demo demo = new Demo();
        assertThat(run(demo, "--model", "--duration", "1s")).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(err.toString()).contains("--model");
    }

    @Test
    void anOptionOutsideItsScenarioIsAnError() {
        assertThat(run(new Demo(), "--compare", "x")).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(err.toString()).contains("--compare applies only to --scenario model-compare");
        assertThat(run(new Demo(), "--scenario", "model-compare", "--compare", "x")).isZero();
    }

    @Test
    void usageNamesTheLauncherAndShowsDefaults() {
        String usage =
                Commands.create(new Demo(), "demo").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(usage).startsWith("Usage: ./tokenbench demo").contains("(default: 60s)");
    }

    @Test
    void versionNamesTheProjectVersion() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int exit =
                Commands.run(
                        Commands.create(new Demo(), "demo"),
                        new String[] {"--version"},
                        new java.io.PrintStream(out, true),
                        System.err);
        assertThat(exit).isZero();
        assertThat(out.toString()).matches("tokenbench \\d+\\.\\d+\\.\\d+\\S*\\R");
    }
}
