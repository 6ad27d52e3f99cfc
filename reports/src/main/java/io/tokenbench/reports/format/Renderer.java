package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateReport;

/**
 * One output format. A format that cannot express something throws {@link
 * UnsupportedOperationException} naming the format (JUnit XML has no run report; HTML has no
 * stand-alone gate).
 */
public interface Renderer {

    String report(ReportInput input);

    String comparison(Comparison comparison);

    String gate(GateReport gate);
}
