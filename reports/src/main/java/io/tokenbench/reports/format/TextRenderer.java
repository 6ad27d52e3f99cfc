package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateReport;

/** Aligned plain text for terminals; the same content as {@link MarkdownRenderer}. */
final class TextRenderer implements Renderer {

    @Override
    public String report(ReportInput input) {
        Doc d = Docs.summary(input.summary(), input.errorSamples());
        input.baseline().ifPresent(b -> d.parts.addAll(Docs.comparison(b.comparison()).parts));
        input.gate().ifPresent(g -> d.parts.addAll(Docs.gate(g).parts));
        return d.toText();
    }

    @Override
    public String comparison(Comparison comparison) {
        return Docs.comparison(comparison).toText();
    }

    @Override
    public String gate(GateReport gate) {
        return Docs.gate(gate).toText();
    }
}
