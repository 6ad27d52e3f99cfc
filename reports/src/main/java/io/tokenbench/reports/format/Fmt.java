package io.tokenbench.reports.format;

import io.tokenbench.reports.model.Quantity;
import java.util.Locale;

/** Number formatting shared by the human-readable formats. */
final class Fmt {

    private Fmt() {}

    /** A value with precision that fits its size: 0.123, 12.35, 123.5, 1235; NaN as n/a. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a < 1) {
            // small values keep 4 significant digits (0.00027 Credits, 0.125 ms)
            return new java.math.BigDecimal(v)
                    .round(new java.math.MathContext(4))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        String pattern =
                a == Math.rint(a)
                        ? "%.0f"
                        : a < 10 ? "%.3f" : a < 100 ? "%.2f" : a < 1000 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** A signed value: +12.35, -0.500. */
    static String signed(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return (v >= 0 ? "+" : "") + num(v);
    }

    /** A fraction as a percentage: 0.0052 as 0.52%. */
    static String percent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** A signed relative change: +12.5%. */
    static String signedPercent(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /**
     * A value of a quantity with its unit: {@code 812.3 ms}, {@code 0.52%}, {@code 20.00 req/s}.
     */
    static String value(Quantity q, double v) {
        return value(q.unit(), v);
    }

    /** A value with its unit ({@code fraction} as a percentage, {@code count} bare). */
    static String value(String unit, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (unit.equals("fraction")) {
            return percent(v);
        }
        if (unit.equals("count")) {
            return num(v);
        }
        return num(v) + " " + unit;
    }

    /** A difference of a quantity with its unit (fractions in percentage points). */
    static String delta(Quantity q, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (q.isFraction()) {
            return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.2f pp", v * 100);
        }
        return signed(v) + (q.unit().equals("count") ? "" : " " + q.unit());
    }

    static String seconds(double s) {
        return Double.isNaN(s) ? "n/a" : num(s) + " s";
    }

    static String millisAsSeconds(long ms) {
        return ms < 0 ? "until the end" : num(ms / 1000.0) + " s";
    }
}
