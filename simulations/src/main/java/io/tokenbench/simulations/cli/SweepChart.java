package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.scenarios.SweepAnalysis;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code sweep.html}: one self-contained page (inline SVG, no script, opens offline) with the
 * latency-vs-load curve of a sweep (p50 and p99 of the SLO latency against offered rate, goodput on
 * the same x axis) and the sweep's answer. The reports module charts single runs; a sweep is a
 * series of runs, so its curve is drawn here.
 */
final class SweepChart {
    private static final int W = 720;
    private static final int H = 360;
    private static final int PAD = 56;

    private SweepChart() {}

    static String html(
            String latencyMetric,
            List<SweepAnalysis.Level> levels,
            SweepAnalysis.Result result,
            String tableMarkdown) {
        StringBuilder b =
                new StringBuilder(
                        "<!doctype html><html><head><meta charset=\"utf-8\"><title>tokenbench sweep</title>"
                                + "<style>body{font-family:sans-serif;margin:2em}svg text{font-size:12px}pre{background:#f4f4f4;padding:1em}</style>"
                                + "</head><body><h1>Capacity sweep</h1>");
        b.append("<p>max sustainable rate at SLO: <b>")
                .append(result.maxSustainableRps().map(SweepChart::num).orElse("none"))
                .append("</b> req/s; knee: <b>")
                .append(result.kneeRps().map(SweepChart::num).orElse("not reached"))
                .append("</b>; headroom past the knee: <b>")
                .append(result.headroomRps().map(SweepChart::num).orElse("n/a"))
                .append("</b>; stopped: ")
                .append(escape(result.stoppedBecause()))
                .append("</p>");
        b.append(
                chart(
                        latencyMetric + " (ms) vs offered rate (req/s)",
                        levels,
                        List.of(
                                SweepAnalysis.Level::latencyP50Millis,
                                SweepAnalysis.Level::latencyP99Millis),
                        List.of("p50", "p99"),
                        List.of("#1f77b4", "#d62728")));
        b.append(
                chart(
                        "goodput (req/s) vs offered rate (req/s)",
                        levels,
                        List.of(SweepAnalysis.Level::goodRps),
                        List.of("goodput"),
                        List.of("#2ca02c")));
        b.append("<pre>").append(escape(tableMarkdown)).append("</pre></body></html>\n");
        return b.toString();
    }

    private static String chart(
            String title,
            List<SweepAnalysis.Level> levels,
            List<ToDoubleFunction<SweepAnalysis.Level>> ys,
            List<String> names,
            List<String> colours) {
        double xMax =
                levels.stream().mapToDouble(SweepAnalysis.Level::offeredRps).max().orElse(1) * 1.05;
        double yMax = 0;
        for (ToDoubleFunction<SweepAnalysis.Level> y : ys) {
            yMax =
                    Math.max(
                            yMax,
                            levels.stream()
                                    .mapToDouble(y)
                                    .filter(v -> !Double.isNaN(v))
                                    .max()
                                    .orElse(1));
        }
        yMax = yMax <= 0 ? 1 : yMax * 1.1;
        StringBuilder s =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "<h2>%s</h2><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">",
                                escape(title),
                                W,
                                H));
        s.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                        PAD,
                        H - PAD,
                        W - 10,
                        H - PAD));
        s.append(
                String.format(
                        Locale.ROOT,
                        "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                        PAD,
                        PAD,
                        H - PAD));
        for (int t = 0; t <= 4; t++) {
            double yv = yMax * t / 4;
            double xv = xMax * t / 4;
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"4\" y=\"%.1f\">%s</text>",
                            y(yv, yMax) + 4,
                            num(yv)));
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                            x(xv, xMax),
                            H - PAD + 18,
                            num(xv)));
        }
        for (int i = 0; i < ys.size(); i++) {
            StringBuilder points = new StringBuilder();
            for (SweepAnalysis.Level l : levels) {
                double v = ys.get(i).applyAsDouble(l);
                if (!Double.isNaN(v)) {
                    points.append(
                            String.format(
                                    Locale.ROOT,
                                    "%.1f,%.1f ",
                                    x(l.offeredRps(), xMax),
                                    y(v, yMax)));
                    s.append(
                            String.format(
                                    Locale.ROOT,
                                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                                    x(l.offeredRps(), xMax),
                                    y(v, yMax),
                                    colours.get(i)));
                }
            }
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                            colours.get(i),
                            points.toString().trim()));
            s.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>",
                            W - 90,
                            20 + 16 * i,
                            colours.get(i),
                            escape(names.get(i))));
        }
        return s.append("</svg>").toString();
    }

    private static double x(double v, double max) {
        return PAD + (W - 40 - PAD) * v / max;
    }

    private static double y(double v, double max) {
        return H - PAD - (H - PAD - 10) * v / max;
    }

    private static String num(double v) {
        return v >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
