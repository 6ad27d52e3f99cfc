package io.tokenbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.testing.TestRuns;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders report.html in headless Debian chromium and fails on console errors or charts that did
 * not draw. The page's own check script writes its verdict into {@code #tb-check}, read back with
 * {@code --dump-dom}; chromium's console log (stderr) must hold no error. Skip with {@code
 * -Dtokenbench.skipBrowser=true}.
 */
class HtmlReportBrowserTest {

    private static final Pattern CHECK = Pattern.compile("<div id=\"tb-check\"([^>]*)>");

    @TempDir static Path tmp;
    static String chromium;

    @BeforeAll
    static void findChromium() {
        Assumptions.assumeFalse(
                Boolean.getBoolean("tokenbench.skipBrowser"),
                "browser check skipped by -Dtokenbench.skipBrowser=true");
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (new File(candidate).canExecute()) {
                chromium = candidate;
                return;
            }
        }
        fail(
                "chromium is not installed: run 'apt-get install -y chromium' (Debian package), or skip the HTML"
                        + " report check with -Dtokenbench.skipBrowser=true");
    }

    record Rendered(
            String status, int expected, int drawn, String errors, List<String> consoleErrors) {}

    static Rendered render(Path html) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        Path stderr = tmp.resolve("chromium-" + System.nanoTime() + ".log");
        Process p =
                new ProcessBuilder(
                                chromium,
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--user-data-dir=" + profile,
                                "--enable-logging=stderr",
                                "--v=0",
                                "--dump-dom",
                                html.toUri().toString())
                        .redirectError(stderr.toFile())
                        .start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish rendering " + html);
        }
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(stderr)) {
            if (line.contains("CONSOLE") && (line.contains("ERROR") || line.contains("Uncaught"))) {
                console.add(line);
            }
        }
        Matcher m = CHECK.matcher(dom);
        if (!m.find()) {
            fail(
                    "no #tb-check element in the rendered DOM of "
                            + html
                            + "; chromium log: "
                            + stderr);
        }
        String attrs = m.group(1);
        return new Rendered(
                attr(attrs, "data-status"),
                Integer.parseInt(attr(attrs, "data-expected")),
                Integer.parseInt(attr(attrs, "data-drawn")),
                attr(attrs, "data-errors"),
                console);
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : "";
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

        Rendered r = render(html);
        assertThat(r.consoleErrors()).isEmpty();
        assertThat(r.errors()).isEmpty();
        // 11 chat metrics with data: a distribution and a time series each, plus throughput and
        // errors
        assertThat(r.expected()).isEqualTo(24);
        assertThat(r.drawn()).isEqualTo(r.expected());
        assertThat(r.status()).isEqualTo("ok");
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

        Rendered r = render(html);
        assertThat(r.consoleErrors()).isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(r.expected())
                .isGreaterThan(30); // blended and per-class distributions, blended time series
        assertThat(r.drawn()).isEqualTo(r.expected());
        assertThat(r.status()).isEqualTo("ok");
    }

    @Test
    void theCheckCatchesScriptErrorsAndEmptyCharts() throws Exception {
        Path run = TestRuns.create(tmp.resolve("broken"), TestRuns.spec("browser-broken"));
        ReportWriter.writeAll(run);
        String html = Files.readString(run.resolve(RunFolder.REPORT_HTML));
        String broken =
                html.replaceFirst("points=\"[^\"]*\"", "points=\"\"")
                        .replace("</body>", "<script>undefinedFunction();</script></body>");
        Path page = run.resolve("broken.html");
        Files.writeString(page, broken);

        Rendered r = render(page);
        assertThat(r.status()).isEqualTo("fail");
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
        Rendered r = render(run.resolve(RunFolder.REPORT_HTML));
        assertThat(r.consoleErrors()).isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(r.expected()).isZero();
        assertThat(r.status()).isEqualTo("ok");
    }
}
