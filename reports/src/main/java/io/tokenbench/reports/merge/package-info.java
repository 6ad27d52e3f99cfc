/**
 * Merging injectors: {@link io.tokenbench.reports.merge.RunMerger} adds the run folders of several
 * load generators interval by interval, aligned on absolute time, into one run folder. Histograms
 * are added, never percentiles averaged.
 */
package io.tokenbench.reports.merge;
