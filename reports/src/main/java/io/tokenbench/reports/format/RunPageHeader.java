package io.tokenbench.reports.format;

import io.tokenbench.reports.html.Page;
import io.tokenbench.reports.model.RunHeader;
import io.tokenbench.reports.model.RunSummary;

/** The facts under a run page's title: target, load model, start, measured window. */
final class RunPageHeader {

    private RunPageHeader() {}

    static void facts(Page page, RunSummary s) {
        RunHeader h = s.header();
        page.fact("target " + h.targetHost())
                .fact(h.loadModel().describe())
                .fact("started " + h.startedAt())
                .fact(
                        "measured "
                                + Fmt.seconds(h.measuredSeconds())
                                + (h.warmupMillis() > 0
                                        ? " after "
                                                + Fmt.millisAsSeconds(h.warmupMillis())
                                                + " warm-up"
                                        : ""));
    }
}
