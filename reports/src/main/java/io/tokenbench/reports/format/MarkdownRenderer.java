package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateReport;

/** Markdown for CI step summaries ({@code summary.md}, {@code $GITHUB_STEP_SUMMARY}). */
final class MarkdownRenderer implements Renderer {

    @Override
    public String report(ReportInput input) {
        Doc d = Docs.summary(input.summary(), input.errorSamples());
        input.baseline().ifPresent(b -> d.parts.addAll(Docs.comparison(b.comparison()).parts));
        input.gate().ifPresent(g -> d.parts.addAll(Docs.gate(g).parts));
        return d.toMarkdown();
    }

    @Override
    public String comparison(Comparison comparison) {
        return Docs.comparison(comparison).toMarkdown();
    }

    @Override
    public String gate(GateReport gate) {
        return Docs.gate(gate).toMarkdown();
    }
}
