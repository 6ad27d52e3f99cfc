package io.tokenbench.reports.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.format.EnforcementReport;
import io.tokenbench.reports.ingest.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** enforcement.json is read strictly and shown as a verdict table with evidence, escaped. */
public class EnforcementReportTest {

    /** A hand-written file in the schema of simulations/KEYS-VERIFY.md (two of its nine checks). */
    public static final String SAMPLE =
            """
            {"schema_version":1,"tool":"tokenbench keys verify","result":"fail","exit_code":1,
             "target":{"kind":"mock","host":"127.0.0.1:9"},
             "checks":[
              {"name":"overshoot","measures":"1. overshoot per concurrency","verdict":"quantified",
               "summary":"max overshoot 0.0021 Credits at concurrency 64",
               "evidence":{"by_concurrency":[{"concurrency":1,"max_overshoot_micro_credits":0,"max_overshoot_share_of_limit":0.0},
                                             {"concurrency":64,"max_overshoot_micro_credits":2100,"max_overshoot_share_of_limit":0.42}]}},
              {"name":"expiry","measures":"5. expiry at the exact second","verdict":"fail",
               "summary":"rejected at the expiry second <script>alert(1)</script>","evidence":{"expected_last_valid_second":604800}}
             ]}
            """;

    @Test
    void readsEveryCheckWithItsVerdict(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("enforcement.json"), SAMPLE);
        EnforcementResult result = EnforcementReader.read(run).orElseThrow();
        assertThat(result.result()).isEqualTo("fail");
        assertThat(result.checks())
                .extracting(EnforcementResult.Check::name)
                .containsExactly("overshoot", "expiry");
        assertThat(result.checks())
                .extracting(EnforcementResult.Check::verdict)
                .containsExactly(
                        EnforcementResult.Verdict.QUANTIFIED, EnforcementResult.Verdict.FAIL);
        assertThat(result.checks().get(1).evidence().path("expected_last_valid_second").asLong())
                .isEqualTo(604800);
    }

    @Test
    void aFolderWithoutTheFileHasNoEnforcement(@TempDir Path run) {
        assertThat(EnforcementReader.read(run)).isEmpty();
    }

    @Test
    void theHtmlShowsVerdictsOvershootAndEscapedEvidence(@TempDir Path run) throws Exception {
        Files.writeString(run.resolve("enforcement.json"), SAMPLE);
        EnforcementReport.writeHtml(run);
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html)
                .contains(
                        "id=\"enforcement\"",
                        "data-check=\"overshoot\"",
                        "data-check=\"expiry\"",
                        ">quantified<",
                        ">fail<",
                        "data-result=\"fail\"");
        assertThat(html)
                .contains(
                        "<td class=\"n\">64</td><td class=\"n\">2100</td><td class=\"n\">0.42</td>");
        assertThat(html)
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void unusableFilesAreBadInputAndNothingIsWritten(@TempDir Path run) throws Exception {
        for (String bad :
                new String[] {
                    SAMPLE.replace("\"schema_version\":1", "\"schema_version\":2"),
                    SAMPLE.replace("\"verdict\":\"fail\"", "\"verdict\":\"maybe\""),
                    "{\"schema_version\":1,\"result\":\"pass\",\"checks\":{}}",
                    "{\"schema_version\":1, \"checks\": [",
                }) {
            Files.writeString(run.resolve("enforcement.json"), bad);
            assertThatThrownBy(() -> EnforcementReport.writeHtml(run))
                    .as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("enforcement.json");
            assertThat(run.resolve("report.html")).doesNotExist();
        }
    }
}
