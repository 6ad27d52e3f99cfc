package io.tokenbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Debian chromium at 1400 px wide: renders a page, reads back the hidden render check
 * ({@code #tb-check}) and the tick labels each chart recorded, and takes screenshots. Screenshots
 * are copied to the folder named by {@code -Dtokenbench.screenshots=DIR} (reports/docs when
 * refreshing the README's pictures).
 */
final class BrowserPages {

    static final int WIDTH_PX = 1400;

    private static final Pattern CHECK = Pattern.compile("<div id=\"tb-check\"([^>]*)>");
    private static final Pattern FIGURE = Pattern.compile("<figure class=\"tb-chart\"([^>]*)>");

    private BrowserPages() {}

    /** Chromium, or null when it is not installed. */
    static String chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    record Rendered(
            String status,
            int expected,
            int found,
            int drawn,
            String errors,
            List<String> consoleErrors,
            List<String> yTicks,
            List<String> xTicks,
            String dom) {}

    static Rendered render(String chromium, Path tmp, Path html) throws Exception {
        String keep = System.getProperty("tokenbench.pages", "");
        if (!keep.isBlank()) {
            Files.createDirectories(Path.of(keep));
            Files.copy(
                    html,
                    Path.of(keep)
                            .resolve(html.getParent().getFileName() + "-" + html.getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> console = new ArrayList<>();
        String dom =
                run(
                        chromium,
                        tmp,
                        console,
                        "--window-size=" + WIDTH_PX + ",1000",
                        "--dump-dom",
                        html.toUri().toString());
        Matcher m = CHECK.matcher(dom);
        if (!m.find()) {
            fail("no #tb-check element in the rendered DOM of " + html);
        }
        String attrs = m.group(1);
        List<String> y = new ArrayList<>();
        List<String> x = new ArrayList<>();
        Matcher f = FIGURE.matcher(dom);
        while (f.find()) {
            y.add(attr(f.group(1), "data-yticks"));
            x.add(attr(f.group(1), "data-xticks"));
        }
        return new Rendered(
                attr(attrs, "data-status"),
                Integer.parseInt(attr(attrs, "data-expected")),
                Integer.parseInt(attr(attrs, "data-found")),
                Integer.parseInt(attr(attrs, "data-drawn")),
                attr(attrs, "data-errors"),
                console,
                y,
                x,
                dom);
    }

    /**
     * A screenshot {@value #WIDTH_PX} px wide and {@code heightPx} high; copied to {@code
     * -Dtokenbench.screenshots} as {@code name} when set.
     */
    static Path screenshot(String chromium, Path tmp, Path html, int heightPx, String name)
            throws Exception {
        Path png = tmp.resolve("shot-" + System.nanoTime() + ".png");
        run(
                chromium,
                tmp,
                new ArrayList<>(),
                "--window-size=" + WIDTH_PX + "," + heightPx,
                "--hide-scrollbars",
                "--screenshot=" + png,
                html.toUri().toString());
        String dir = System.getProperty("tokenbench.screenshots", "");
        if (!dir.isBlank() && Files.exists(png)) {
            Files.createDirectories(Path.of(dir));
            Files.copy(png, Path.of(dir).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return png;
    }

    /** Width and height from a PNG's IHDR chunk. */
    static int[] pngSize(Path png) throws IOException {
        byte[] b = Files.readAllBytes(png);
        assertThat(b.length).isGreaterThan(24);
        assertThat(new String(b, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        return new int[] {readInt(b, 16), readInt(b, 20)};
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24
                | (b[at + 1] & 0xff) << 16
                | (b[at + 2] & 0xff) << 8
                | (b[at + 3] & 0xff);
    }

    private static String run(String chromium, Path tmp, List<String> console, String... args)
            throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        Path stderr = tmp.resolve("chromium-" + System.nanoTime() + ".log");
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                chromium,
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--force-device-scale-factor=1",
                                "--user-data-dir=" + profile,
                                "--enable-logging=stderr",
                                "--v=0"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish " + String.join(" ", args));
        }
        for (String line : Files.readAllLines(stderr)) {
            if (line.contains("CONSOLE") && (line.contains("ERROR") || line.contains("Uncaught"))) {
                console.add(line);
            }
        }
        return out;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Asserts what every page must satisfy: no console or script errors, every declared chart found
     * and drawn, and every tick label a multiple of a 1-2-5 step (0.05, 200, 1.5k are fine; 187.5,
     * 62.50, 6.250 are not).
     */
    static void assertClean(Rendered r) {
        assertThat(r.consoleErrors()).isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(r.found()).isEqualTo(r.expected());
        assertThat(r.drawn()).isEqualTo(r.expected());
        assertThat(r.status()).isEqualTo("ok");
        // nothing internal on the page (the old "render check: 24/24 charts drawn" line)
        assertThat(r.dom()).doesNotContain("charts drawn");
        for (String ticks : r.yTicks()) {
            assertNiceSteps(ticks);
        }
    }

    static void assertNiceSteps(String ticks) {
        List<Double> values = new ArrayList<>();
        for (String t : ticks.split("\\|")) {
            if (!t.isEmpty()) {
                values.add(parse(t));
            }
        }
        assertThat(values).as("ticks %s", ticks).hasSizeGreaterThanOrEqualTo(2);
        double step = values.get(1) - values.get(0);
        double exp = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double mantissa = step / exp;
        assertThat(List.of(1.0, 2.0, 5.0))
                .as("step %s of ticks %s", step, ticks)
                .anySatisfy(m -> assertThat(Math.abs(m - mantissa)).isLessThan(1e-6));
        for (double v : values) {
            double k = v / step;
            assertThat(Math.abs(k - Math.rint(k))).as("tick %s of %s", v, ticks).isLessThan(1e-6);
        }
    }

    private static double parse(String tick) {
        String t = tick.replace(",", "");
        if (t.endsWith("k")) {
            return Double.parseDouble(t.substring(0, t.length() - 1)) * 1e3;
        }
        if (t.endsWith("M")) {
            return Double.parseDouble(t.substring(0, t.length() - 1)) * 1e6;
        }
        return Double.parseDouble(t);
    }
}
