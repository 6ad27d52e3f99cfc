package io.tokenbench.reports.format;

import java.util.List;
import java.util.Locale;

/**
 * Line charts as inline SVG, drawn by our code: no script library, nothing fetched at view time,
 * and the output is plain text a test can inspect. Two x axes: linear (time series) and the
 * HdrHistogram percentile axis, log10 of 1/(1-p), labelled 0%, 90%, 99%, 99.9%...
 */
final class SvgCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    private SvgCharts() {}

    /** One line: name for the legend, colour, dashed or not, points as (x, y) pairs. */
    record Line(String name, String color, boolean dashed, double[] xs, double[] ys) {}

    /** x values are 1/(1-p); drawn on a log axis from 1 to the largest x (at least 100). */
    static String percentileChart(String title, String unit, List<Line> lines) {
        double maxX = 100;
        for (Line l : lines) {
            for (double x : l.xs()) {
                maxX = Math.max(maxX, x);
            }
        }
        double decades = Math.ceil(Math.log10(maxX));
        return chart(title, unit, lines, true, decades, "percentile");
    }

    /** x values are seconds since the run start. */
    static String timeChart(String title, String unit, List<Line> lines) {
        double maxX = 1;
        for (Line l : lines) {
            for (double x : l.xs()) {
                maxX = Math.max(maxX, x);
            }
        }
        return chart(title, unit, lines, false, maxX, "seconds since run start");
    }

    private static String chart(
            String title, String unit, List<Line> lines, boolean logX, double xMax, String xLabel) {
        double yMax = 0;
        for (Line l : lines) {
            for (double y : l.ys()) {
                if (!Double.isNaN(y)) {
                    yMax = Math.max(yMax, y);
                }
            }
        }
        double yTop = niceCeiling(yMax);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Xml.escape(title))
                .append("\">");
        sb.append("<text x=\"")
                .append(LEFT)
                .append("\" y=\"16\" class=\"title\">")
                .append(Xml.escape(title))
                .append("</text>");
        // y grid and labels
        for (int i = 0; i <= 4; i++) {
            double v = yTop * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>",
                            LEFT,
                            y,
                            LEFT + plotW,
                            y));
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%.1f\" class=\"ylab\">%s</text>",
                            LEFT - 6,
                            y + 4,
                            Xml.escape(Fmt.num(v))));
        }
        sb.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"12\" y=\"%d\" class=\"unit\" transform=\"rotate(-90 12 %d)\">%s</text>",
                        TOP + plotH / 2,
                        TOP + plotH / 2,
                        Xml.escape(unit)));
        // x ticks
        if (logX) {
            for (int d = 0; d <= (int) xMax; d++) {
                double x = LEFT + plotW * d / xMax;
                String label = d == 0 ? "0%" : percentLabel(d);
                sb.append(
                        String.format(
                                Locale.ROOT,
                                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>",
                                x,
                                TOP,
                                x,
                                TOP + plotH));
                sb.append(
                        String.format(
                                Locale.ROOT,
                                "<text x=\"%.1f\" y=\"%d\" class=\"xlab\">%s</text>",
                                x,
                                TOP + plotH + 16,
                                label));
            }
        } else {
            double step = niceCeiling(xMax / 6);
            for (double t = 0; t <= xMax + 1e-9; t += step) {
                double x = LEFT + plotW * t / xMax;
                sb.append(
                        String.format(
                                Locale.ROOT,
                                "<text x=\"%.1f\" y=\"%d\" class=\"xlab\">%s</text>",
                                x,
                                TOP + plotH + 16,
                                Fmt.num(t)));
            }
        }
        sb.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" class=\"xtitle\">%s</text>",
                        LEFT + plotW / 2,
                        HEIGHT - 6,
                        Xml.escape(xLabel)));
        // lines
        int legendX = LEFT + 8;
        for (Line l : lines) {
            sb.append("<polyline class=\"series\" fill=\"none\" stroke=\"")
                    .append(l.color())
                    .append("\" stroke-width=\"1.6\"");
            if (l.dashed()) {
                sb.append(" stroke-dasharray=\"5 3\"");
            }
            sb.append(" points=\"");
            for (int i = 0; i < l.xs().length; i++) {
                double yv = l.ys()[i];
                if (Double.isNaN(yv)) {
                    continue;
                }
                double xv = logX ? Math.log10(Math.max(1, l.xs()[i])) : l.xs()[i];
                double px = LEFT + plotW * Math.min(1, xv / xMax);
                double py = TOP + plotH - (yTop == 0 ? 0 : plotH * yv / yTop);
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            sb.append("\"><title>").append(Xml.escape(l.name())).append("</title></polyline>");
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                                    + "<text x=\"%d\" y=\"%d\" class=\"legend\">%s</text>",
                            legendX,
                            TOP + 6,
                            l.color(),
                            legendX + 16,
                            TOP + 10,
                            Xml.escape(l.name())));
            legendX += 24 + 7 * l.name().length();
        }
        return sb.append("</svg>").toString();
    }

    private static String percentLabel(int decades) {
        StringBuilder sb = new StringBuilder("9");
        if (decades == 1) {
            return "90%";
        }
        sb.append("9");
        if (decades > 2) {
            sb.append('.').append("9".repeat(decades - 2));
        }
        return sb.append('%').toString();
    }

    /** 1, 2, 2.5, 5 x 10^k at or above v (0 stays 1). */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double exp = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * exp >= v) {
                return m * exp;
            }
        }
        return 10 * exp;
    }
}
