package io.tokenbench.reports.format;

import io.tokenbench.reports.html.Chart;
import io.tokenbench.reports.html.Page;
import io.tokenbench.reports.html.Table;
import io.tokenbench.reports.ingest.RunSource;
import io.tokenbench.reports.model.RunData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code overhead.html} of gateway-overhead: the request-by-request difference distribution
 * (gateway minus upstream, same prompt and t_sched, successful measured pairs) first, then the
 * compare page of the two lanes (upstream as baseline).
 */
public final class OverheadPage {

    /** The differences of one metric at fixed percentiles, in milliseconds. */
    public record Paired(
            String metric,
            int pairs,
            double p1Millis,
            double p10Millis,
            double p50Millis,
            double p90Millis,
            double p99Millis,
            double meanMillis) {}

    private OverheadPage() {}

    /** Writes the page to {@code file}. */
    public static void write(Path file, Path upstreamRun, Path gatewayRun, List<Paired> pairs) {
        String html =
                render(RunSource.load(upstreamRun, true), RunSource.load(gatewayRun, true), pairs);
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String render(RunData upstream, RunData gateway, List<Paired> pairs) {
        Page page = CompareHtml.page(upstream, gateway, "gateway overhead", "upstream", "gateway");
        return page.sectionFirst("paired", "Overhead request by request", paired(pairs)).render();
    }

    private static String paired(List<Paired> pairs) {
        double[] x = {1, 10, 50, 90, 99};
        Chart c =
                Chart.linear(
                                "Gateway minus upstream, by percentile of the pairs",
                                "percentile of the pairs (%)",
                                "%",
                                "difference (ms)",
                                "ms")
                        .signed();
        Table t =
                new Table(List.of("metric", "pairs", "p1", "p10", "p50", "p90", "p99", "mean"), 1);
        int colour = 0;
        for (Paired p : pairs) {
            if (p.pairs() == 0) {
                t.strings(List.of(p.metric(), "0", "-", "-", "-", "-", "-", "-"));
                continue;
            }
            c.line(
                    p.metric(),
                    Chart.PALETTE.get(colour++ % Chart.PALETTE.size()),
                    x,
                    new double[] {
                        p.p1Millis(), p.p10Millis(), p.p50Millis(), p.p90Millis(), p.p99Millis()
                    });
            t.strings(
                    List.of(
                            p.metric(),
                            Integer.toString(p.pairs()),
                            ms(p.p1Millis()),
                            ms(p.p10Millis()),
                            ms(p.p50Millis()),
                            ms(p.p90Millis()),
                            ms(p.p99Millis()),
                            ms(p.meanMillis())));
        }
        c.hline(0, "no overhead", Chart.GREY);
        return (c.drawableSeries() > 0 ? "<div class=\"grid2\">" + c.toHtml() + "</div>" : "")
                + t.toHtml()
                + "<p class=\"note\">Request i went to both lanes with the same prompt and the"
                + " same t_sched; successful measured pairs only. Positive: the gateway was"
                + " slower.</p>";
    }

    private static String ms(double v) {
        return Fmt.num(v) + " ms";
    }
}
