package io.tokenbench.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.testing.GoldenRun;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsMainTest {

    @TempDir static Path runs;
    static Path base;
    static Path slower;
    static Path same;

    @BeforeAll
    static void create() {
        base = TestRuns.create(runs, TestRuns.spec("base"));
        same = TestRuns.create(runs, TestRuns.spec("same").seed(2));
        slower = TestRuns.create(runs, TestRuns.spec("slower").seed(3).slower(2.0));
    }

    @Test
    void helpAndUsage() {
        CliResult top = CliResult.run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out())
                .contains(
                        "report RUN_DIR",
                        "merge OUT_DIR",
                        "compare BASELINE CURRENT",
                        "gate --rules");
        for (String cmd : List.of("report", "merge", "compare", "gate")) {
            CliResult r = CliResult.run(cmd, "--help");
            assertThat(r.exit()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).startsWith("Usage: ./tokenbench " + cmd);
        }
        CliResult none = CliResult.run();
        assertThat(none.exit()).isEqualTo(2);
        CliResult unknown = CliResult.run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void badOptionsExit2AndNameTheOption() {
        CliResult r = CliResult.run("report", base.toString(), "--colour", "red");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option", "'--colour'");
        CliResult f =
                CliResult.run("compare", base.toString(), same.toString(), "--format", "yaml");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("--format", "yaml");
        CliResult g = CliResult.run("gate", "--current", base.toString());
        assertThat(g.exit()).isEqualTo(2);
        assertThat(g.err()).contains("--rules");
        CliResult i =
                CliResult.run(
                        "gate",
                        "--rules",
                        "x",
                        "--current",
                        base.toString(),
                        "--inconclusive",
                        "maybe");
        assertThat(i.exit()).isEqualTo(2);
        assertThat(i.err()).contains("--inconclusive");
        CliResult v = CliResult.run("report", base.toString(), "--rules");
        assertThat(v.exit()).isEqualTo(2);
        assertThat(v.err()).contains("--rules: needs a value");
    }

    @Test
    void reportWritesTheRunFolderFiles() throws Exception {
        Path dir = GoldenRun.create(runs.resolve("r"), "report", 1.0);
        CliResult r = CliResult.run("report", dir.toString(), "--format", "markdown");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# tokenbench: report");
        for (String f :
                List.of(
                        RunFolder.SUMMARY_JSON,
                        RunFolder.SUMMARY_MD,
                        RunFolder.REPORT_HTML,
                        RunFolder.JUNIT_XML)) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve(RunFolder.SUMMARY_JSON)))
                .contains("\"schema_version\" : 1");
        // default junit.xml: the dispatch-lag validity rule, passing (1 ms < 50 ms)
        assertThat(Files.readString(dir.resolve(RunFolder.JUNIT_XML)))
                .contains(
                        "tests=\"1\" failures=\"0\" errors=\"0\"", "dispatch_lag.p99 &lt;= 50.0ms");
    }

    @Test
    void compareInThreeFormats() {
        CliResult text = CliResult.run("compare", base.toString(), slower.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("ttft_sched.p99", "throughput.completed_rps", "outcome.http_5xx.rate");
        CliResult md =
                CliResult.run(
                        "compare", base.toString(), slower.toString(), "--format", "markdown");
        assertThat(md.out()).contains("| quantity | baseline | current | delta | delta % |");
        CliResult json =
                CliResult.run(
                        "compare",
                        base.toString(),
                        slower.resolve(RunFolder.SUMMARY_JSON).getParent().toString(),
                        "--format",
                        "json");
        assertThat(json.out()).contains("\"quantity\" : \"ttft.p50\"", "\"delta_relative\"");
    }

    @Test
    void compareWritesAnHtmlPageWhenAsked() throws Exception {
        Path page = runs.resolve("compare.html");
        CliResult r =
                CliResult.run(
                        "compare", base.toString(), slower.toString(), "--html", page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the text still goes to stdout
        assertThat(r.out()).contains("ttft_sched.p99");
        assertThat(Files.readString(page))
                .startsWith("<!DOCTYPE html>")
                .contains("tokenbench compare", "id=\"deltas\"", "data-verdict=\"alike\"");
    }

    @Test
    void gateExitCodesAndEveryFailingRulePrinted() throws Exception {
        Path rules = runs.resolve("rules.txt");
        Files.writeString(
                rules,
                String.join(
                        "\n",
                        "ttft_sched.p99 <= 10s",
                        "ttft_sched.p99 <= baseline + 10%",
                        "ttft.p50 <= baseline + 10%",
                        "outcome.http_5xx.rate <= 50%"));
        CliResult pass =
                CliResult.run(
                        "gate",
                        "--rules",
                        rules.toString(),
                        "--baseline",
                        base.toString(),
                        "--current",
                        base.toString());
        assertThat(pass.exit()).as(pass.out() + pass.err()).isZero();

        Path junit = runs.resolve("gate.xml");
        CliResult fail =
                CliResult.run(
                        "gate",
                        "--rules",
                        rules.toString(),
                        "--baseline",
                        base.toString(),
                        "--current",
                        slower.toString(),
                        "--junit",
                        junit.toString());
        assertThat(fail.exit()).as(fail.out() + fail.err()).isEqualTo(1);
        // both relative rules fail and both are printed, with required, actual, baseline, delta and
        // hint
        assertThat(fail.out())
                .contains(
                        "FAIL ttft_sched.p99 <= baseline + 10% (line 2)",
                        "FAIL ttft.p50 <= baseline + 10% (line 3)",
                        "Hint:",
                        "required",
                        "actual",
                        "baseline",
                        "delta")
                .containsPattern("PASS\\s+ttft_sched.p99 <= 10s")
                .containsPattern("PASS\\s+outcome.http_5xx.rate <= 50%")
                .containsPattern(
                        "ttft.p50\\s+<= 220.3 ms\\s+388.5 ms\\s+200.3 ms\\s+\\+188.2 ms \\(\\+94.0%\\)");
        assertThat(Files.readString(junit)).contains("tests=\"4\" failures=\"2\"");

        Files.writeString(rules, "ttft_shed.p99 <= 800ms\nttft.p99 <= 800 parsecs\n");
        CliResult bad =
                CliResult.run("gate", "--rules", rules.toString(), "--current", base.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("line 1: unknown metric 'ttft_shed'", "line 2:");

        Files.writeString(rules, "ttft.p99 <= baseline\n");
        CliResult noBaseline =
                CliResult.run("gate", "--rules", rules.toString(), "--current", base.toString());
        assertThat(noBaseline.exit()).isEqualTo(2);
        assertThat(noBaseline.out()).contains("without --baseline");

        Files.writeString(rules, "image_e2e.p99 <= 800ms\n");
        CliResult empty =
                CliResult.run("gate", "--rules", rules.toString(), "--current", base.toString());
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.out()).contains("no data");
    }
}
