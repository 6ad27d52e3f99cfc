package io.tokenbench.reports.model;

import io.tokenbench.reports.record.PhaseCounts;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A stretch of consecutive measured intervals (or one JMH iteration): the unit the gate's bootstrap
 * resamples. Blocks of one run partition its measured data: adding every block gives the run's
 * totals.
 *
 * @param series histograms of the block by series name (stored units); absent series had no samples
 * @param counts measured-phase counts of the block
 */
public record Block(Map<String, Histogram> series, PhaseCounts counts) {

    public Block {
        series = Map.copyOf(series);
    }
}
