package io.tokenbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tokenbench.reports.ingest.RunSource;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every kind of HTML page (run report with a baseline, mixed run, compare, sweep, gateway
 * overhead, key-limit enforcement) in headless Debian chromium at 1400 px and fails on console
 * errors, charts that did not draw (counted against what the page declares) or tick labels off the
 * 1-2-5 steps. The pages' chart script writes its verdict into the hidden {@code #tb-check}, read
 * back with {@code --dump-dom}. Skip with {@code -Dtokenbench.skipBrowser=true}; refresh the
 * README's screenshots with {@code -Dtokenbench.screenshots=reports/docs}.
 */
class HtmlReportBrowserTest {

    @TempDir static Path tmp;
    static String chromium;

    @BeforeAll
    static void findChromium() {
        Assumptions.assumeFalse(
                Boolean.getBoolean("tokenbench.skipBrowser"),
                "browser check skipped by -Dtokenbench.skipBrowser=true");
        chromium = BrowserPages.chromium();
        if (chromium == null) {
            fail(
                    "chromium is not installed: run 'apt-get install -y chromium' (Debian package), or skip the HTML"
                            + " report check with -Dtokenbench.skipBrowser=true");
        }
    }

    static BrowserPages.Rendered render(Path html) throws Exception {
        return BrowserPages.render(chromium, tmp, html);
    }

    private static void screenshot(Path html, int heightPx, String name) throws Exception {
        Path png = BrowserPages.screenshot(chromium, tmp, html, heightPx, name);
        assertThat(BrowserPages.pngSize(png)).containsExactly(BrowserPages.WIDTH_PX, heightPx);
    }

    @Test
    void reportWithBaselineRendersEveryChartWithoutErrors() throws Exception {
        Path base = TestRuns.create(tmp.resolve("runs"), TestRuns.spec("browser-base"));
        Path current =
                TestRuns.create(
                        tmp.resolve("runs"), TestRuns.spec("browser-current").seed(5).slower(1.3));
        ReportWriter.writeAll(current, Optional.of(base), Optional.empty());
        Path html = current.resolve(RunFolder.REPORT_HTML);
        String source = Files.readString(html);
        // self-contained: nothing to fetch at view time
        assertThat(source)
                .doesNotContainPattern("(src|href)\\s*=\\s*\"?(https?:)?//")
                .doesNotContain("<link", "@import", "url(")
                .contains("id=\"comparison\"", "id=\"timeseries\"", "id=\"distributions\"");
        // headline first: the verdict and the numbers come before any chart
        assertThat(source.indexOf("id=\"verdict\""))
                .isPositive()
                .isLessThan(source.indexOf("id=\"headline-numbers\""))
                .isLessThan(source.indexOf("<figure class=\"tb-chart\""));
        assertThat(source)
                .contains(
                        "data-tile=\"ttft p50 / p99 (ms)\"",
                        "data-tile=\"itl p50 / p99 (ms)\"",
                        "data-tile=\"error rate\"",
                        "data-tile=\"goodput\"",
                        "data-tile=\"SLO attainment\"",
                        "data-tile=\"output tokens/s\"",
                        "data-tile=\"Credits\"");
        // related metrics share one chart; human titles, no raw figure keys in the page's text
        assertThat(source)
                .contains("\"title\":\"Time to first token by percentile\"")
                .doesNotContain(
                        "\"title\":\"ttft_sched by percentile\"", ">throughput.offered_rps<");

        BrowserPages.Rendered r = render(html);
        BrowserPages.assertClean(r);
        // over time: rates, in flight, output tokens/s, errors, bands of ttft, itl and e2e (7);
        // distributions: ttft group, e2e group, itl group, stream_tail, decode_rate, dispatch_lag,
        // each a percentile chart and a histogram (12); token lengths: input, output, scatter (3)
        assertThat(r.expected()).isEqualTo(22);
        screenshot(html, 2300, "report.png");
    }

    @Test
    void aMixedRunShowsEachEndpointClassAndTheBlendAndDrawsItsCharts() throws Exception {
        Path run = io.tokenbench.reports.testing.MixedRuns.create(tmp.resolve("mixed"), "mixed");
        ReportWriter.writeAll(run);
        Path html = run.resolve(RunFolder.REPORT_HTML);
        String source = Files.readString(html);
        assertThat(source)
                .contains(
                        "<h3>By endpoint class</h3>",
                        "<h4>video</h4>",
                        "<h4>speech</h4>",
                        "blended (all)",
                        "images.image_e2e",
                        "transcription.transcription_rtf",
                        "video.video_polls");
        // per-class charts, never one chart pooling chat with images: no blended latency section,
        // one section per class, the chat class's ttft chart drawn from chat's own series
        assertThat(source)
                .doesNotContain("id=\"distributions\"")
                .contains(
                        "id=\"class-chat\"",
                        "id=\"class-images\"",
                        "id=\"class-video\"",
                        "\"title\":\"Image generation time by percentile\"");
        BrowserPages.Rendered r = render(html);
        BrowserPages.assertClean(r);
        assertThat(r.expected()).isGreaterThan(30);
        // the picture shows what a mixed run adds: the per-class section
        Path classesOnly = run.resolve("classes-only.html");
        Files.writeString(
                classesOnly,
                source.replaceFirst(
                        "</style>",
                        "#timeseries,#lengths,#errors,#headline-numbers,#verdict{display:none}</style>"));
        screenshot(classesOnly, 1800, "report-mixed.png");
    }

    @Test
    void theCheckCatchesScriptErrorsAndEmptyCharts() throws Exception {
        Path run = TestRuns.create(tmp.resolve("broken"), TestRuns.spec("browser-broken"));
        ReportWriter.writeAll(run);
        String html = Files.readString(run.resolve(RunFolder.REPORT_HTML));
        // the first chart loses its series (still valid JSON), and a script fails
        String broken =
                html.replaceFirst("\"series\":\\[", "\"series\":[],\"dropped\":[")
                        .replace("</body>", "<script>undefinedFunction();</script></body>");
        Path page = run.resolve("broken.html");
        Files.writeString(page, broken);

        BrowserPages.Rendered r = render(page);
        assertThat(r.status()).isEqualTo("fail");
        assertThat(r.found()).isEqualTo(r.expected());
        assertThat(r.drawn()).isEqualTo(r.expected() - 1);
        assertThat(r.errors() + String.join("\n", r.consoleErrors())).contains("undefinedFunction");
    }

    @Test
    void theEnforcementOnlyReportRendersWithoutErrors() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("keys-verify"));
        Files.writeString(
                run.resolve("enforcement.json"),
                io.tokenbench.reports.enforcement.EnforcementReportTest.SAMPLE);
        EnforcementReport.writeHtml(run);
        Path html = run.resolve(RunFolder.REPORT_HTML);
        BrowserPages.Rendered r = render(html);
        BrowserPages.assertClean(r);
        // the overshoot-per-concurrency chart
        assertThat(r.expected()).isEqualTo(1);
        assertThat(Files.readString(html)).contains("data-verdict=\"fail\"", "class=\"sev-fail\"");
        screenshot(html, 1100, "keys-verify.png");
    }

    @Test
    void theComparePageOverlaysBothRunsAndWarnsWhenTheyDiffer() throws Exception {
        Path base = TestRuns.create(tmp.resolve("cmp"), TestRuns.spec("cmp-base"));
        TestRuns.Spec other = TestRuns.spec("cmp-current").seed(9).slower(1.4);
        Path current =
                TestRuns.create(
                        tmp.resolve("cmp"),
                        new TestRuns.Spec(
                                other.scenario(),
                                other.seed(),
                                other.seconds(),
                                80,
                                other.ttftMedianMs(),
                                other.errorShare(),
                                other.startEpochMillis()));
        Path html = tmp.resolve("compare.html");
        Files.writeString(
                html,
                CompareHtml.render(RunSource.load(base, true), RunSource.load(current, true)));
        String source = Files.readString(html);
        assertThat(source)
                .contains("data-verdict=\"not_alike\"", "different load shapes")
                .contains("id=\"deltas\"", "higher (significant)", "(a total)")
                .contains("ttft baseline", "ttft current");
        BrowserPages.Rendered r = render(html);
        BrowserPages.assertClean(r);
        assertThat(r.expected()).isGreaterThanOrEqualTo(8);
        screenshot(html, 2000, "compare.png");
    }

    @Test
    void theSweepPageDrawsLatencyAndErrorsAgainstLoadAndLinksEveryLevel() throws Exception {
        List<SweepPage.Level> levels =
                List.of(
                        new SweepPage.Level(10, 10, 180, 320, 10, 1.0, 0, false, true, "level-1"),
                        new SweepPage.Level(
                                20, 19.9, 190, 360, 19.8, 0.995, 0.001, false, true, "level-2"),
                        new SweepPage.Level(
                                40, 39.5, 240, 620, 38.9, 0.985, 0.004, false, true, "level-3"),
                        new SweepPage.Level(
                                80, 61.0, 900, 2400, 30.5, 0.5, 0.12, false, false, "level-4"));
        SweepPage.Sweep sweep =
                new SweepPage.Sweep(
                        "steps(10/s,x2,x4,8s)",
                        "ttft_sched",
                        OptionalDouble.of(800),
                        0.95,
                        levels,
                        Optional.of(40.0),
                        Optional.of(40.0),
                        Optional.of(0.0),
                        "SLO broke at 80.0/s: attainment 50.0 % < 95.0 %");
        Path html = tmp.resolve("sweep.html");
        Files.writeString(html, SweepPage.html(sweep));
        String source = Files.readString(html);
        assertThat(source)
                .contains(
                        "href=\"level-1/report.html\"",
                        "href=\"level-4/report.html\"",
                        "\"label\":\"SLO 800 ms\"",
                        "\"title\":\"offered rate (req/s)\"")
                .doesNotContain("<pre>");
        BrowserPages.Rendered r = render(html);
        BrowserPages.assertClean(r);
        assertThat(r.expected()).isEqualTo(4);
        screenshot(html, 1250, "sweep.png");
    }

    @Test
    void theOverheadPageShowsThePairedDifferencesFirst() throws Exception {
        Path upstream = TestRuns.create(tmp.resolve("ovh"), TestRuns.spec("upstream"));
        Path gateway =
                TestRuns.create(tmp.resolve("ovh"), TestRuns.spec("gateway").seed(3).slower(1.05));
        Path html = tmp.resolve("overhead.html");
        OverheadPage.write(
                html,
                upstream,
                gateway,
                List.of(
                        new OverheadPage.Paired("ttft_sched", 900, -1.2, 0.4, 2.1, 4.8, 9.5, 2.4),
                        new OverheadPage.Paired("e2e", 900, -0.8, 0.6, 2.3, 5.2, 11.0, 2.7),
                        new OverheadPage.Paired(
                                "tpot",
                                0,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN)));
        String source = Files.readString(html);
        assertThat(source.indexOf("id=\"paired\""))
                .isPositive()
                .isLessThan(source.indexOf("id=\"deltas\""));
        BrowserPages.Rendered r = render(html);
        BrowserPages.assertClean(r);
        assertThat(r.expected()).isGreaterThanOrEqualTo(5);
        screenshot(html, 1500, "overhead.png");
    }
}
