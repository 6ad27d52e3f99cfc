package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.RuleResult;
import io.tokenbench.reports.gate.Verdict;
import io.tokenbench.reports.model.Quantity;

/**
 * JUnit XML (the surefire schema CI servers read): one test case per gate rule. FAIL is a {@code
 * <failure>}, could-not-evaluate an {@code <error>}, inconclusive a {@code <skipped>} (a {@code
 * <failure>} when the gate treats inconclusive as failing).
 */
final class JunitRenderer implements Renderer {

    @Override
    public String report(ReportInput input) {
        return gate(
                input.gate()
                        .orElseThrow(
                                () ->
                                        new UnsupportedOperationException(
                                                "junit output needs gate rules")));
    }

    @Override
    public String comparison(Comparison comparison) {
        throw new UnsupportedOperationException(
                "junit output renders gate results only; use --format"
                        + " text, markdown or json for compare");
    }

    @Override
    public String gate(GateReport g) {
        long failures =
                g.results().stream()
                        .filter(
                                r ->
                                        r.verdict() == Verdict.FAIL
                                                || (g.inconclusiveFails()
                                                        && r.verdict() == Verdict.INCONCLUSIVE))
                        .count();
        long errors = g.count(Verdict.ERROR);
        long skipped = g.inconclusiveFails() ? 0 : g.count(Verdict.INCONCLUSIVE);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"tokenbench.gate\" tests=\"")
                .append(g.results().size())
                .append("\" failures=\"")
                .append(failures)
                .append("\" errors=\"")
                .append(errors)
                .append("\" skipped=\"")
                .append(skipped)
                .append("\">\n");
        for (RuleResult r : g.results()) {
            sb.append("  <testcase classname=\"tokenbench.gate\" name=\"")
                    .append(Xml.escape(r.rule().text()))
                    .append("\">");
            String detail = detail(r);
            boolean failing =
                    r.verdict() == Verdict.FAIL
                            || (g.inconclusiveFails() && r.verdict() == Verdict.INCONCLUSIVE);
            if (failing) {
                sb.append("\n    <failure message=\"")
                        .append(Xml.escape(summaryLine(r)))
                        .append("\">")
                        .append(Xml.escape(detail))
                        .append("</failure>\n  ");
            } else if (r.verdict() == Verdict.ERROR) {
                sb.append("\n    <error message=\"")
                        .append(Xml.escape(r.method()))
                        .append("\">")
                        .append(Xml.escape(detail))
                        .append("</error>\n  ");
            } else if (r.verdict() == Verdict.INCONCLUSIVE) {
                sb.append("\n    <skipped message=\"")
                        .append(Xml.escape("inconclusive: " + r.method()))
                        .append("\"/>\n  ");
            }
            sb.append("</testcase>\n");
        }
        return sb.append("</testsuite>\n").toString();
    }

    private static String summaryLine(RuleResult r) {
        Quantity q = r.rule().quantity();
        return q.name()
                + " = "
                + Fmt.value(q, r.actual())
                + ", required "
                + r.rule().op().symbol()
                + " "
                + Fmt.value(q, r.required());
    }

    private static String detail(RuleResult r) {
        Quantity q = r.rule().quantity();
        return "metric: "
                + q.name()
                + "\nrequired: "
                + r.rule().op().symbol()
                + " "
                + Fmt.value(q, r.required())
                + "\nactual: "
                + Fmt.value(q, r.actual())
                + "\nbaseline: "
                + Fmt.value(q, r.baseline())
                + "\ndelta: "
                + Fmt.delta(q, r.delta())
                + " ("
                + Fmt.signedPercent(r.deltaRelative())
                + ")"
                + "\nmethod: "
                + r.method()
                + "\nhint: "
                + r.hint();
    }
}
