package io.tokenbench.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The inlined files of every page: our stylesheet and chart script, uPlot from its WebJar. */
final class Assets {

    /** The uPlot version inlined (the WebJar on the classpath, pinned in the parent pom). */
    static final String UPLOT_VERSION = "1.6.30";

    private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION;

    static final String CSS = read("/io/tokenbench/reports/html/report.css");
    static final String CHARTS_JS = read("/io/tokenbench/reports/html/charts.js");
    static final String UPLOT_CSS = read(UPLOT + "/dist/uPlot.min.css");
    static final String UPLOT_JS = read(UPLOT + "/dist/uPlot.iife.min.js");

    private Assets() {}

    private static String read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            // a literal "</script" inside an inlined script would end it early
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
