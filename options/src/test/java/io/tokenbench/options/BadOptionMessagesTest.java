package io.tokenbench.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class BadOptionMessagesTest {
    @Command(name = "demo")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--model")
        String model;

        @Override
        public Integer call() {
            return ExitCode.PASS;
        }
    }

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = Commands.create(new Demo(), "demo");
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void anUnknownOptionIsNamedAndTheValueAfterItIsNot() {
        assertThat(run("--api-key", "sk-live-0123456789")).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(err.toString())
                .startsWith("./tokenbench demo: Unknown option: '--api-key'")
                .contains("Run './tokenbench demo --help' for the options.")
                .doesNotContain("sk-live-0123456789");
    }

    @Test
    void anAttachedValueAndStrayWordsAreLeftOut() {
        assertThat(run("--token=sk-live-0123456789", "--model", "m", "stray-secret"))
                .isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(err.toString())
                .contains("Unknown option: '--token'")
                .doesNotContain("sk-live-0123456789")
                .doesNotContain("stray-secret");
    }

    @Test
    void aStrayWordAloneIsAnUnexpectedArgument() {
        assertThat(run("stray-secret")).isEqualTo(ExitCode.COULD_NOT_RUN);
        assertThat(err.toString()).contains("Unexpected argument").doesNotContain("stray-secret");
    }
}
