package io.tokenbench.reports.html;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One chart of a page: a {@code <figure class="tb-chart">} holding its data as JSON, drawn in the
 * browser by the inlined uPlot ({@code charts.js}): hover values in the legend, drag to zoom,
 * double-click to reset, 1-2-5 ticks, axis titles with units. Series may have different x values;
 * they are merged onto the union of the x values (gaps are spanned).
 *
 * <p>Three x axes: time since the run start in seconds ({@link #time}), HdrHistogram's percentile
 * axis with x = 1/(1-p) on a log scale labelled 0%, 90%, 99%, 99.9%... ({@link #percentile}), and a
 * linear axis ({@link #linear}).
 */
public final class Chart {

    /** Colours in legend order; {@link #FAIL_RED} is kept for failures and limits. */
    public static final List<String> PALETTE =
            List.of(
                    "#2563eb", "#f59e0b", "#7c3aed", "#0d9488", "#db2777", "#65a30d", "#0891b2",
                    "#9333ea", "#ea580c", "#475569");

    public static final String FAIL_RED = "#c81e1e";
    public static final String GREY = "#8a94a6";

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Style {
        LINE,
        BARS,
        POINTS
    }

    private record Series(
            String label, String color, Style style, boolean dashed, double[] xs, double[] ys) {}

    private record Shade(double from, double to, String label) {}

    private record HLine(double y, String label, String color) {}

    private record VLine(double x, String label, String color) {}

    private record Band(int upper, int lower, String fill) {}

    private final String title;
    private final String xKind;
    private final String xTitle;
    private final String xUnit;
    private final String yTitle;
    private final String yUnit;
    private final List<Series> series = new ArrayList<>();
    private final List<Shade> shades = new ArrayList<>();
    private final List<HLine> hlines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<VLine> vlines = new ArrayList<>();
    private final List<Double> xExtent = new ArrayList<>();
    private boolean zeroBased = true;
    private boolean logY;
    private String sync;
    private String caption;
    private int heightPx = 260;

    private Chart(
            String title, String xKind, String xTitle, String xUnit, String yTitle, String yUnit) {
        this.title = title;
        this.xKind = xKind;
        this.xTitle = xTitle;
        this.xUnit = xUnit;
        this.yTitle = yTitle;
        this.yUnit = yUnit;
    }

    /** x: seconds since the run start; hover is synchronised across time charts of a page. */
    public static Chart time(String title, String yTitle, String yUnit) {
        Chart c = new Chart(title, "time", "time since start (s)", "s", yTitle, yUnit);
        c.sync = "time";
        return c;
    }

    /** x: 1/(1-p) on a log axis, labelled as percentiles. */
    public static Chart percentile(String title, String yTitle, String yUnit) {
        return new Chart(title, "percentile", "percentile", "", yTitle, yUnit);
    }

    /** A linear x axis. */
    public static Chart linear(
            String title, String xTitle, String xUnit, String yTitle, String yUnit) {
        return new Chart(title, "linear", xTitle, xUnit, yTitle, yUnit);
    }

    public Chart line(String label, String color, double[] xs, double[] ys) {
        return add(new Series(label, color, Style.LINE, false, xs, ys));
    }

    public Chart dashed(String label, String color, double[] xs, double[] ys) {
        return add(new Series(label, color, Style.LINE, true, xs, ys));
    }

    /** Bars centred on their x (histogram bucket centres). */
    public Chart bars(String label, String color, double[] xs, double[] ys) {
        return add(new Series(label, color, Style.BARS, false, xs, ys));
    }

    /** Unconnected points (scatter). */
    public Chart points(String label, String color, double[] xs, double[] ys) {
        return add(new Series(label, color, Style.POINTS, false, xs, ys));
    }

    /** A shaded x range with a label (the warm-up). */
    public Chart shade(double from, double to, String label) {
        if (to > from) {
            shades.add(new Shade(from, to, label));
        }
        return this;
    }

    /** A dashed horizontal line (an SLO or a limit); the y range always includes it. */
    public Chart hline(double y, String label, String color) {
        if (Double.isFinite(y)) {
            hlines.add(new HLine(y, label, color));
        }
        return this;
    }

    /** A dashed vertical line (the knee of a sweep). */
    public Chart vline(double x, String label, String color) {
        if (Double.isFinite(x)) {
            vlines.add(new VLine(x, label, color));
        }
        return this;
    }

    /** Fills between two series, numbered from 1 in the order they were added. */
    public Chart band(int upperSeries, int lowerSeries, String fill) {
        bands.add(new Band(upperSeries, lowerSeries, fill));
        return this;
    }

    /**
     * Widens the x axis to at least {@code [from, to]} (charts on one time axis: the whole run,
     * even where a series has no point).
     */
    public Chart xExtent(double from, double to) {
        xExtent.add(from);
        xExtent.add(to);
        return this;
    }

    /** The y axis may go below zero (differences). */
    public Chart signed() {
        zeroBased = false;
        return this;
    }

    public Chart logY() {
        logY = true;
        return this;
    }

    public Chart caption(String text) {
        caption = text;
        return this;
    }

    public Chart height(int px) {
        heightPx = px;
        return this;
    }

    /** Series with at least one finite value. */
    public int drawableSeries() {
        int n = 0;
        for (Series s : series) {
            for (double y : s.ys()) {
                if (Double.isFinite(y)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private Chart add(Series s) {
        if (s.xs().length != s.ys().length) {
            throw new IllegalArgumentException(
                    s.label() + ": " + s.xs().length + " x values, " + s.ys().length + " y values");
        }
        series.add(s);
        return this;
    }

    /** The figure: its title as the accessible label, the data as JSON for charts.js. */
    public String toHtml() {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("title", title);
        spec.put("height", heightPx);
        if (sync != null) {
            spec.put("sync", sync);
        }
        ObjectNode x = spec.putObject("x");
        x.put("kind", xKind);
        x.put("title", xTitle);
        x.put("unit", xUnit);
        ObjectNode y = spec.putObject("y");
        y.put("title", yTitle);
        y.put("unit", yUnit);
        y.put("zero", zeroBased);
        y.put("log", logY);
        // the union of x values; each series gets null where it has no point
        TreeMap<Double, Integer> index = new TreeMap<>();
        for (Series s : series) {
            for (double v : s.xs()) {
                if (Double.isFinite(v)) {
                    index.put(v, 0);
                }
            }
        }
        xExtent.stream().filter(Double::isFinite).forEach(v -> index.put(v, 0));
        int i = 0;
        ArrayNode xs = spec.putArray("xs");
        for (var e : index.entrySet()) {
            e.setValue(i++);
            xs.add(e.getKey());
        }
        ArrayNode out = spec.putArray("series");
        for (Series s : series) {
            Double[] ys = new Double[index.size()];
            for (int k = 0; k < s.xs().length; k++) {
                Integer at = index.get(s.xs()[k]);
                if (at != null && Double.isFinite(s.ys()[k])) {
                    ys[at] = s.ys()[k];
                }
            }
            ObjectNode o = out.addObject();
            o.put("label", s.label());
            o.put("color", s.color());
            o.put("style", s.style().name().toLowerCase(java.util.Locale.ROOT));
            o.put("dash", s.dashed());
            ArrayNode arr = o.putArray("ys");
            for (Double v : ys) {
                if (v == null) {
                    arr.addNull();
                } else {
                    arr.add(v);
                }
            }
        }
        ArrayNode sh = spec.putArray("shade");
        shades.forEach(
                s ->
                        sh.addObject()
                                .put("from", s.from())
                                .put("to", s.to())
                                .put("label", s.label()));
        ArrayNode hl = spec.putArray("hlines");
        hlines.forEach(
                h ->
                        hl.addObject()
                                .put("y", h.y())
                                .put("label", h.label())
                                .put("color", h.color()));
        ArrayNode vl = spec.putArray("vlines");
        vlines.forEach(
                v ->
                        vl.addObject()
                                .put("x", v.x())
                                .put("label", v.label())
                                .put("color", v.color()));
        ArrayNode bs = spec.putArray("bands");
        bands.forEach(
                b ->
                        bs.addObject()
                                .put("upper", b.upper())
                                .put("lower", b.lower())
                                .put("fill", b.fill()));
        String json;
        try {
            json = JSON.writeValueAsString(spec).replace("</", "<\\/");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return "<figure class=\"tb-chart\" aria-label=\""
                + Html.escape(title)
                + "\"><script type=\"application/json\">"
                + json
                + "</script>"
                + (caption == null ? "" : "<figcaption>" + Html.escape(caption) + "</figcaption>")
                + "</figure>";
    }
}
