package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparison;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.RuleResult;
import io.tokenbench.reports.gate.Verdict;
import io.tokenbench.reports.model.CheckResult;
import io.tokenbench.reports.model.Quantity;
import io.tokenbench.reports.model.RunVerdict;

/**
 * JUnit XML (the surefire schema CI servers read): one test case per gate rule. FAIL is a {@code
 * <failure>}, could-not-evaluate an {@code <error>}, inconclusive a {@code <skipped>} (a {@code
 * <failure>} when the gate treats inconclusive as failing).
 *
 * <p>A run report ({@code junit.xml} of a run folder) is a {@code <testsuites>} with the verdict's
 * suite {@code tokenbench.verdict} (one test case per check: validity, error rate, at least one
 * success, the user's checks) followed by the gate suite {@code tokenbench.gate} ({@code --rules},
 * or the default dispatch-lag rule).
 */
final class JunitRenderer implements Renderer {

    @Override
    public String report(ReportInput input) {
        if (input.summary().verdict().isEmpty()) {
            return gate(
                    input.gate()
                            .orElseThrow(
                                    () ->
                                            new UnsupportedOperationException(
                                                    "junit output needs a verdict or gate rules")));
        }
        RunVerdict v = input.summary().verdict().get();
        StringBuilder sb = new StringBuilder(HEADER).append("<testsuites>\n");
        sb.append(verdictSuite(v));
        input.gate().ifPresent(g -> sb.append(gateSuite(g)));
        return sb.append("</testsuites>\n").toString();
    }

    private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    static String verdictSuite(RunVerdict v) {
        StringBuilder sb = new StringBuilder();
        sb.append("<testsuite name=\"tokenbench.verdict\" tests=\"")
                .append(v.checks().size())
                .append("\" failures=\"")
                .append(v.count(CheckResult.Status.FAIL))
                .append("\" errors=\"")
                .append(v.count(CheckResult.Status.NOT_EVALUATED))
                .append("\" skipped=\"0\">\n");
        for (CheckResult c : v.checks()) {
            sb.append("  <testcase classname=\"tokenbench.verdict\" name=\"")
                    .append(Xml.escape(c.name()))
                    .append("\">");
            String line =
                    c.metric()
                            + " = "
                            + VerdictDoc.measured(c)
                            + ", required "
                            + c.op()
                            + " "
                            + Fmt.value(c.unit(), c.threshold());
            String detail = line + "\norigin: " + c.origin().wireName() + "\n" + c.detail();
            if (c.status() == CheckResult.Status.FAIL) {
                sb.append("\n    <failure message=\"")
                        .append(Xml.escape(line))
                        .append("\">")
                        .append(Xml.escape(detail))
                        .append("</failure>\n  ");
            } else if (c.status() == CheckResult.Status.NOT_EVALUATED) {
                sb.append("\n    <error message=\"")
                        .append(Xml.escape("could not evaluate: " + c.detail()))
                        .append("\">")
                        .append(Xml.escape(detail))
                        .append("</error>\n  ");
            }
            sb.append("</testcase>\n");
        }
        return sb.append("</testsuite>\n").toString();
    }

    @Override
    public String comparison(Comparison comparison) {
        throw new UnsupportedOperationException(
                "junit output renders gate results only; use --format"
                        + " text, markdown or json for compare");
    }

    @Override
    public String gate(GateReport g) {
        return HEADER + gateSuite(g);
    }

    private static String gateSuite(GateReport g) {
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
        StringBuilder sb = new StringBuilder();
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
