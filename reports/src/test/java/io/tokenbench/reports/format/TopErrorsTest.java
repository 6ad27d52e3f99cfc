package io.tokenbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.ErrorSample;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopErrorsTest {

    @TempDir Path tmp;

    private static ErrorSample sample(Outcome o, int status, String body) {
        return new ErrorSample(1, EndpointClass.CHAT, o, status, "0", Map.of(), body, 0, false);
    }

    @Test
    void firstMessageComesFromOpenAiStyleBodiesElseTheFirstLine() {
        assertThat(
                        TopErrors.message(
                                "{\"error\":{\"message\":\"Rate limit reached for"
                                        + " requests\",\"type\":\"requests\",\"code\":\"x\"}}"))
                .isEqualTo("Rate limit reached for requests");
        assertThat(TopErrors.message("{\"error\":\"model not found\"}"))
                .isEqualTo("model not found");
        assertThat(TopErrors.message("\n  <html><body>502 Bad Gateway</body></html>\nnginx"))
                .isEqualTo("<html><body>502 Bad Gateway</body></html>");
        assertThat(TopErrors.message("{\"error\":{\"message\":\"cut at 4 KiB")) // not JSON
                .isEqualTo("{\"error\":{\"message\":\"cut at 4 KiB");
        assertThat(TopErrors.message("")).isEqualTo("(empty body)");
        assertThat(TopErrors.message("x".repeat(500))).hasSize(TopErrors.MAX_MESSAGE_CHARS);
    }

    @Test
    void countsComeFromTheOutcomesAndMessagesFromTheSamples() {
        TestRuns.Spec s = TestRuns.spec("top-errors");
        RunSummary summary =
                SummaryBuilder.build(
                        RunLoader.load(
                                TestRuns.create(
                                        tmp,
                                        new TestRuns.Spec(
                                                "top-errors",
                                                3,
                                                s.seconds(),
                                                s.ratePerSecond(),
                                                50,
                                                0.2,
                                                s.startEpochMillis())),
                                false));
        TopErrors top =
                TopErrors.of(
                        summary,
                        List.of(
                                sample(
                                        Outcome.HTTP_429,
                                        429,
                                        "{\"error\":{\"message\":\"slow down\"}}"),
                                sample(
                                        Outcome.HTTP_429,
                                        429,
                                        "{\"error\":{\"message\":\"second\"}}"),
                                sample(Outcome.HTTP_5XX, 502, "bad gateway"),
                                sample(Outcome.HTTP_5XX, 500, "internal")));
        assertThat(top.rows()).hasSize(2);
        long n429 = summary.outcomes().get(Outcome.HTTP_429);
        long n5xx = summary.outcomes().get(Outcome.HTTP_5XX);
        assertThat(top.rows())
                .contains(
                        new TopErrors.Row(Outcome.HTTP_429, n429, "429", "slow down"),
                        new TopErrors.Row(Outcome.HTTP_5XX, n5xx, "502, 500", "bad gateway"));
        assertThat(top.rows().get(0).count()).isGreaterThanOrEqualTo(top.rows().get(1).count());
        String text = Headline.text(summary, List.of());
        assertThat(text).contains("Top errors", "(no sample in errors.jsonl)");
    }
}
