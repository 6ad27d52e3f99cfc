package io.tokenbench.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.testing.GoldenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports commands on the shared option layer: strictness, help, the named command. */
class OptionLayerTest {

    @TempDir static Path runs;
    static Path run;

    @BeforeAll
    static void create() {
        run = GoldenRun.create(runs, "options", 1.0);
    }

    @Test
    void errorsNameTheOptionAndTheLauncherCommandToAskForHelp() {
        CliResult r = CliResult.run("compare", run.toString(), run.toString(), "--colour", "red");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("'--colour'")
                .contains("Run './tokenbench compare --help' for the options.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aRepeatedSingleValueOptionIsAnError() {
        CliResult r =
                CliResult.run(
                        "compare",
                        run.toString(),
                        run.toString(),
                        "--format",
                        "text",
                        "--format",
                        "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--format");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anOptionNameIsNeverTakenAsAValue() {
        CliResult r = CliResult.run("gate", "--rules", "--current", run.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--rules");
    }

    @Test
    void gateTakesSeveralRunsAfterOneOptionOrRepeated() throws Exception {
        Path rules = runs.resolve("multi.rules");
        Files.writeString(rules, "ttft.p50 <= 10s\n");
        String missing = runs.resolve("missing").toString();
        // the second value is read as a current run in both spellings: it is not a run folder
        for (String[] currents :
                new String[][] {
                    {"--current", run.toString(), missing},
                    {"--current", run.toString(), "--current", missing}
                }) {
            String[] args = new String[3 + currents.length];
            args[0] = "gate";
            args[1] = "--rules";
            args[2] = rules.toString();
            System.arraycopy(currents, 0, args, 3, currents.length);
            CliResult r = CliResult.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains(missing);
        }
        CliResult pooled =
                CliResult.run(
                        "gate",
                        "--rules",
                        rules.toString(),
                        "--current",
                        run.toString(),
                        run.toString());
        assertThat(pooled.exit()).as(pooled.err()).isZero();
    }

    @Test
    void aFormatTheCommandCannotPrintIsRefused() {
        CliResult html =
                CliResult.run("compare", run.toString(), run.toString(), "--format", "html");
        assertThat(html.exit()).isEqualTo(2);
        assertThat(html.err()).contains("--format", "'html' is not one of text, markdown, json");
        CliResult md = CliResult.run("compare", run.toString(), run.toString(), "--format", "md");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).contains("| quantity | baseline | current | delta | delta % |");
    }

    @Test
    void coIntervalTakesTheSharedGrammarAndMustBePositive() {
        CliResult minutes = CliResult.run("report", run.toString(), "--co-interval", "2m");
        // parsed: refused for what the run is (open model), not for how the value is written
        assertThat(minutes.exit()).isEqualTo(2);
        assertThat(minutes.err()).contains("closed-model runs only").doesNotContain("duration");
        CliResult zero = CliResult.run("report", run.toString(), "--co-interval", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--co-interval must be positive");
        CliResult bare = CliResult.run("report", run.toString(), "--co-interval", "100");
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("--co-interval", "'100' is not a duration");
    }

    @Test
    void theDefaultJunitRuleUsesTheRunsOwnDispatchBudgetAsTheHelpSays() throws Exception {
        Path dir = GoldenRun.create(runs.resolve("budget"), "budget", 1.0);
        Path runJson = dir.resolve(RunFolder.RUN_JSON);
        String withBudget =
                Files.readString(runJson)
                        .replace(
                                "\"model\" : \"mock-chat\"",
                                "\"model\" : \"mock-chat\", \""
                                        + SummaryBuilder.DISPATCH_BUDGET_PARAMETER
                                        + "\" : \"0.5\"");
        assertThat(withBudget).contains(SummaryBuilder.DISPATCH_BUDGET_PARAMETER);
        Files.writeString(runJson, withBudget);

        CliResult r = CliResult.run("report", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the golden run's dispatch lag is 1 ms: over a 0.5 ms budget, under the 50 ms fallback
        assertThat(Files.readString(dir.resolve(RunFolder.JUNIT_XML)))
                .contains("tests=\"1\" failures=\"1\"", "dispatch_lag.p99 &lt;= 0.5ms");

        String help = CliResult.run("report", "--help").out();
        assertThat(help)
                .contains(SummaryBuilder.DISPATCH_BUDGET_PARAMETER)
                .doesNotContain("(default: dispatch_lag.p99 <= 50ms)");
    }

    @Test
    void topLevelHelpListsWhatEachCommandNeedsAndHelpNamesACommand() {
        CliResult top = CliResult.run("--help");
        assertThat(top.out())
                .startsWith("Usage: ./tokenbench")
                .contains("gate --rules FILE --current DIR...", "merge OUT_DIR RUN_DIR...");
        CliResult help = CliResult.run("help", "gate");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Usage: ./tokenbench gate").contains("--inconclusive");
        CliResult none = CliResult.run();
        assertThat(none.err()).startsWith("Usage: ./tokenbench");
    }

    @Test
    void reportExitsWithTheVerdictOfItsChecks() throws Exception {
        Path copy = Files.createDirectories(runs.resolve("verdict-copy"));
        try (var files = Files.list(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        // The golden run has some 5xx and 429 answers: a zero-error check must fail it.
        CliResult strict = CliResult.run("report", copy.toString(), "--check", "error_rate <= 0%");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(Files.readString(copy.resolve("summary.json"))).contains("\"fail\"");
        assertThat(Files.readString(copy.resolve("junit.xml"))).contains("<failure");

        CliResult lenient =
                CliResult.run("report", copy.toString(), "--check", "error_rate <= 100%");
        assertThat(lenient.exit()).isZero();

        CliResult bad = CliResult.run("report", copy.toString(), "--check", "ttft.p99 <=");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--check");
    }
}
