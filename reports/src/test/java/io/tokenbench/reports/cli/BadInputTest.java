package io.tokenbench.reports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.testing.GoldenRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corrupt, truncated, empty and unknown input: a clear message, exit 2, nothing overwritten. */
class BadInputTest {

    @TempDir Path tmp;

    /** A reported run folder whose report files hold a marker we can check survives. */
    private Path reported() throws Exception {
        Path dir = GoldenRun.create(tmp, "bad", 1.0);
        assertThat(CliResult.run("report", dir.toString()).exit()).isZero();
        Files.writeString(dir.resolve(RunFolder.SUMMARY_JSON), "{\"marker\": true}");
        Files.writeString(dir.resolve(RunFolder.REPORT_HTML), "<p>marker</p>");
        return dir;
    }

    private static void assertUntouched(Path dir) throws Exception {
        assertThat(Files.readString(dir.resolve(RunFolder.SUMMARY_JSON)))
                .isEqualTo("{\"marker\": true}");
        assertThat(Files.readString(dir.resolve(RunFolder.REPORT_HTML))).isEqualTo("<p>marker</p>");
    }

    @Test
    void truncatedHlog() throws Exception {
        Path dir = reported();
        Path hlog = dir.resolve(RunFolder.METRICS_HLOG);
        String text = Files.readString(hlog);
        Files.writeString(
                hlog, text.substring(0, text.length() - 40)); // cut inside the last histogram
        CliResult r = CliResult.run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("metrics.hlog line", "truncated or corrupt");
        assertUntouched(dir);
    }

    @Test
    void corruptHlogLine() throws Exception {
        Path dir = reported();
        Path hlog = dir.resolve(RunFolder.METRICS_HLOG);
        Files.writeString(
                hlog, Files.readString(hlog).replaceFirst("Tag=ttft,0.000,", "Tag=ttft,zero,"));
        CliResult r = CliResult.run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("start is not a number: 'zero'");
        assertUntouched(dir);
    }

    @Test
    void corruptOutcomesLine() throws Exception {
        Path dir = reported();
        Files.writeString(
                dir.resolve(RunFolder.OUTCOMES_JSONL),
                "{\"start_ms\":1,\"end_ms\":2,\"phases\":{\"measure\":{\"outcomes\":{\"teapot\":1}}}}\n");
        CliResult r = CliResult.run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("outcomes.jsonl line 1", "unknown outcome 'teapot'");
        assertUntouched(dir);
    }

    @Test
    void emptyRun() throws Exception {
        Path dir = reported();
        Files.writeString(dir.resolve(RunFolder.OUTCOMES_JSONL), "");
        Files.writeString(
                dir.resolve(RunFolder.METRICS_HLOG), "#[Histogram log format version 1.3]\n");
        CliResult r = CliResult.run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("empty run");
        assertUntouched(dir);
    }

    @Test
    void unknownSchemaVersions() throws Exception {
        Path dir = reported();
        Path runJson = dir.resolve(RunFolder.RUN_JSON);
        Files.writeString(
                runJson,
                Files.readString(runJson)
                        .replace("\"schema_version\" : 1", "\"schema_version\" : 7"));
        CliResult r = CliResult.run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("schema_version 7");
        assertUntouched(dir);

        Path summary = tmp.resolve("summary.json");
        Files.writeString(summary, "{\"schema_version\": 2, \"metrics\": {}}");
        CliResult c = CliResult.run("compare", summary.toString(), summary.toString());
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).contains("unknown schema_version 2");
    }

    @Test
    void aDispatchLagBudgetThatIsNotANumberIsAnErrorNotTheDefault() throws Exception {
        Path dir = reported();
        Path runJson = dir.resolve(RunFolder.RUN_JSON);
        String original = Files.readString(runJson);
        String broken =
                original.replaceFirst(
                        "\"parameters\" : \\{",
                        "\"parameters\" : { \"dispatch_lag_budget_ms\" : \"fast\",");
        assertThat(broken).as("the fixture has a parameters object").isNotEqualTo(original);
        Files.writeString(runJson, broken);
        CliResult r = CliResult.run("report", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("run.json", "dispatch_lag_budget_ms", "'fast'", "positive number");
        assertUntouched(dir);
    }

    @Test
    void missingFolder() {
        CliResult r = CliResult.run("report", tmp.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not a run folder");
    }
}
