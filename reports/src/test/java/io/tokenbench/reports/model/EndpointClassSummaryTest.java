package io.tokenbench.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tokenbench.reports.format.ReportWriter;
import io.tokenbench.reports.gate.GateEvaluator;
import io.tokenbench.reports.gate.RuleParser;
import io.tokenbench.reports.gate.RuleResult;
import io.tokenbench.reports.gate.Verdict;
import io.tokenbench.reports.ingest.HlogReader;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.merge.RunMerger;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.testing.MixedRuns;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run recorded per endpoint class: tags, per-class counts and metrics, blended row, formats,
 * gate, merge.
 */
class EndpointClassSummaryTest {

    @TempDir Path tmp;

    @Test
    void theLogTagsEveryClassSeriesNextToTheBlendedOnes() {
        Path run = MixedRuns.create(tmp, "mixed");
        Set<String> tags = new TreeSet<>();
        HlogReader.forEach(run.resolve(RunFolder.METRICS_HLOG), i -> tags.add(i.tag()));
        assertThat(tags)
                .contains(
                        "e2e",
                        "images.e2e",
                        "images.image_e2e",
                        "speech.ttfa",
                        "speech.itl",
                        "transcription.transcription_rtf",
                        "video.video_polls",
                        "video.video_complete",
                        "chat.ttft",
                        "embeddings.e2e",
                        "image_e2e",
                        "video_polls");
        assertThat(tags).doesNotContain("embeddings.ttft", "images.ttft", "video.e2e");
    }

    @Test
    void everyClassHasItsOwnCountsMetricsAndGoodputAndTheyAddUpToTheBlend() {
        RunSummary s = SummaryBuilder.build(RunLoader.load(MixedRuns.create(tmp, "mixed"), false));
        assertThat(s.classes().keySet()).containsExactly(EndpointClass.values());

        ClassSummary chat = s.classes().get(EndpointClass.CHAT);
        assertThat(chat.requests().attempted()).isEqualTo(8);
        assertThat(chat.requests().good()).isEqualTo(8);
        assertThat(chat.metrics().get("ttft").p50()).isCloseTo(100.0, within(0.1));

        ClassSummary emb = s.classes().get(EndpointClass.EMBEDDINGS);
        assertThat(emb.requests().attempted()).isEqualTo(12);
        assertThat(emb.outcomes().get(Outcome.HTTP_5XX)).isEqualTo(1);
        assertThat(emb.errorRate()).isCloseTo(1.0 / 12, within(1e-9));
        assertThat(emb.metrics().get("e2e").count()).isEqualTo(11);
        assertThat(emb.metrics()).doesNotContainKey("ttft");

        ClassSummary images = s.classes().get(EndpointClass.IMAGES);
        assertThat(images.requests().good()).isZero(); // 400 ms > the 300 ms SLO
        assertThat(images.goodput().sloAttainment()).isEqualTo(0.0);
        assertThat(images.metrics().get("image_e2e").p50())
                .isCloseTo(200.0, within(0.2)); // 400 ms / 2 images
        assertThat(images.slo()).isEqualTo("e2e_sched <= 300 ms");

        ClassSummary speech = s.classes().get(EndpointClass.SPEECH);
        assertThat(speech.metrics().get("ttfa").p50()).isCloseTo(50.0, within(0.05));
        assertThat(speech.metrics().get("itl").count()).isEqualTo(12); // 3 gaps x 4 streams
        assertThat(speech.metrics().get("itl").p50()).isCloseTo(250.0, within(0.25));
        assertThat(speech.requests().good()).isEqualTo(4);

        ClassSummary tr = s.classes().get(EndpointClass.TRANSCRIPTION);
        assertThat(tr.metrics().get("transcription_rtf").p50())
                .isCloseTo(10.0, within(0.01)); // 3 s / 0.3 s

        ClassSummary video = s.classes().get(EndpointClass.VIDEO);
        assertThat(video.requests().attempted()).isEqualTo(3);
        assertThat(video.requests().unfinished()).isEqualTo(1);
        assertThat(video.outcomes().get(Outcome.TIMEOUT_IDLE)).isEqualTo(1);
        assertThat(video.outcomes().get(Outcome.STREAM_ERROR_EVENT)).isEqualTo(1);
        assertThat(video.requests().good()).isEqualTo(1);
        assertThat(video.metrics().get("video_polls").max()).isEqualTo(3.0);
        assertThat(video.metrics().get("video_complete").p50()).isCloseTo(2000.0, within(2.0));

        // blended: every request once
        long attempted =
                s.classes().values().stream().mapToLong(c -> c.requests().attempted()).sum();
        long good = s.classes().values().stream().mapToLong(c -> c.requests().good()).sum();
        long scheduled =
                s.classes().values().stream().mapToLong(c -> c.requests().scheduled()).sum();
        assertThat(attempted).isEqualTo(35).isEqualTo(s.requests().attempted());
        assertThat(good).isEqualTo(28).isEqualTo(s.requests().good());
        assertThat(scheduled).isEqualTo(35).isEqualTo(s.requests().scheduled());
        assertThat(s.errorRate()).isCloseTo(3.0 / 35, within(1e-9));
        assertThat(s.metrics().get("e2e").count()).isEqualTo(8 + 11 + 4 + 4 + 4);
    }

    @Test
    void summaryJsonCarriesTheClassesAndReadsBack() throws Exception {
        Path run = MixedRuns.create(tmp, "mixed");
        RunSummary s = ReportWriter.writeAll(run).summary();
        String json = Files.readString(run.resolve(RunFolder.SUMMARY_JSON));
        assertThat(json)
                .contains(
                        "\"endpoint_classes\"",
                        "\"image_e2e\"",
                        "\"slo\" : \"e2e_sched <= 300 ms\"");
        RunSummary back = SummaryJson.parse(json);
        assertThat(back.classes().keySet()).isEqualTo(s.classes().keySet());
        assertThat(back.classes().get(EndpointClass.VIDEO).requests())
                .isEqualTo(s.classes().get(EndpointClass.VIDEO).requests());
        assertThat(back.metric("images.image_e2e").count()).isEqualTo(4);

        String md = Files.readString(run.resolve(RunFolder.SUMMARY_MD));
        assertThat(md)
                .contains(
                        "## By endpoint class",
                        "### transcription",
                        "transcription.transcription_rtf");
        assertThat(md).containsPattern("\\| blended \\(all\\) +\\| [^|]+\\| 35 ");
        assertThat(md).containsPattern("\\| images +\\| e2e_sched <= 300 ms +\\| 4 ");
        assertThat(md).containsPattern("\\| video .*\\| timeout_idle=1 stream_error_event=1 +\\|");
        assertThat(md).containsPattern("\\| embeddings .*\\| http_5xx=1 +\\|");
    }

    @Test
    void aRunWithoutClassesKeepsTheOldSummary() throws Exception {
        Path run = TestRuns.create(tmp, TestRuns.spec("plain"));
        RunSummary s = ReportWriter.writeAll(run).summary();
        assertThat(s.classes()).isEmpty();
        assertThat(Files.readString(run.resolve(RunFolder.SUMMARY_JSON)))
                .doesNotContain("endpoint_classes");
        assertThat(Files.readString(run.resolve(RunFolder.SUMMARY_MD)))
                .doesNotContain("By endpoint class");
    }

    @Test
    void gateRulesAddressClassMetricsAndFigures() {
        RunData data = RunLoader.load(MixedRuns.create(tmp, "mixed"), true);
        RunSummary s = SummaryBuilder.build(data);
        List<RuleResult> results =
                GateEvaluator.evaluate(
                                RuleParser.parse(
                                        List.of(
                                                "images.image_e2e.p99 <= 250ms",
                                                "images.goodput.slo_attainment >= 50%",
                                                "video.error_rate <= 70%",
                                                "chat.ttft_sched.p99 <= 150ms",
                                                "transcription.transcription_rtf.p50 >= 5"),
                                        List.of(s)),
                                List.of(),
                                List.of(data),
                                false)
                        .results();
        assertThat(results)
                .extracting(RuleResult::verdict)
                .containsExactly(
                        Verdict.PASS, Verdict.FAIL, Verdict.PASS, Verdict.PASS, Verdict.PASS);
        assertThat(results.get(2).actual()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(results.get(1).hint())
                .contains("throughput fell"); // class figures hinted as the blended ones
        assertThat(results.get(3).hint()).contains("user-perceived latency");
        assertThatThrownBy(() -> RuleParser.parse(List.of("images.bogus.p99 <= 1ms"), List.of(s)))
                .hasMessageContaining("unknown metric 'images.bogus'");
    }

    @Test
    void compareShowsEachClassNextToTheBlend() {
        RunSummary mixed =
                SummaryBuilder.build(
                        RunLoader.load(MixedRuns.create(tmp.resolve("m"), "mixed"), false));
        RunSummary plain =
                SummaryBuilder.build(
                        RunLoader.load(
                                TestRuns.create(tmp.resolve("p"), TestRuns.spec("plain")), false));
        io.tokenbench.reports.compare.Comparison same =
                io.tokenbench.reports.compare.Comparer.compare(mixed, mixed);
        assertThat(same.metrics())
                .extracting(d -> d.quantity().name())
                .contains("images.image_e2e.p99", "video.video_polls.p50");
        assertThat(same.run())
                .extracting(d -> d.quantity().name())
                .contains("video.error_rate", "speech.goodput.slo_attainment");
        io.tokenbench.reports.compare.Delta polls =
                same.metrics().stream()
                        .filter(d -> d.quantity().name().equals("video.video_polls.p50"))
                        .findFirst()
                        .orElseThrow();
        assertThat(polls.current()).isEqualTo(3.0).isEqualTo(polls.baseline());
        // against a run without classes the class figures are undefined on that side, not an error
        io.tokenbench.reports.compare.Delta videoErrors =
                io.tokenbench.reports.compare.Comparer.compare(plain, mixed).run().stream()
                        .filter(d -> d.quantity().name().equals("video.error_rate"))
                        .findFirst()
                        .orElseThrow();
        assertThat(videoErrors.baseline()).isNaN();
        assertThat(videoErrors.current()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void mergingClassRunsAddsTheirClassCounts() {
        Path a = MixedRuns.create(tmp.resolve("a"), "mixed");
        Path b = MixedRuns.create(tmp.resolve("b"), "mixed");
        RunMerger.merge(tmp.resolve("merged"), List.of(a, b));
        RunSummary s = SummaryBuilder.build(RunLoader.load(tmp.resolve("merged"), false));
        assertThat(s.classes().get(EndpointClass.CHAT).requests().attempted()).isEqualTo(16);
        assertThat(s.classes().get(EndpointClass.VIDEO).requests().unfinished()).isEqualTo(2);
        assertThat(s.classes().get(EndpointClass.IMAGES).metrics().get("image_e2e").count())
                .isEqualTo(8);
        assertThat(s.requests().attempted()).isEqualTo(70);
    }
}
