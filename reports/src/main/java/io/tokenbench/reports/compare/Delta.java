package io.tokenbench.reports.compare;

import io.tokenbench.reports.model.Quantity;

/**
 * One quantity in baseline and current, with {@code current - baseline} and its ratio to the
 * baseline (NaN when the baseline is 0 or undefined).
 */
public record Delta(Quantity quantity, double baseline, double current) {

    public double absolute() {
        return current - baseline;
    }

    /** NaN also for totals ({@link Quantity#isTotal()}): a total is compared by its difference. */
    public double relative() {
        return quantity.isTotal() || baseline == 0 || Double.isNaN(baseline)
                ? Double.NaN
                : (current - baseline) / baseline;
    }
}
