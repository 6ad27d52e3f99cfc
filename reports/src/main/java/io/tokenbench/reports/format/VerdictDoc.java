package io.tokenbench.reports.format;

import io.tokenbench.reports.model.CheckResult;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import java.util.ArrayList;
import java.util.List;

/** The verdict headline: state, each check with its measured value, and why it failed. */
final class VerdictDoc {

    private VerdictDoc() {}

    static Doc of(RunSummary s) {
        Doc d = new Doc();
        if (s.verdict().isEmpty()) {
            return d;
        }
        RunVerdict v = s.verdict().get();
        d.heading(2, "Verdict: " + v.headline());
        s.validity().stream()
                .filter(f -> f.code().equals("incomplete"))
                .findFirst()
                .ifPresent(f -> d.para("**Incomplete run**: " + f.message() + "."));
        d.table(List.of("result", "check", "measured", "required", "origin"), rows(v), 5);
        List<String> why = new ArrayList<>();
        for (CheckResult c : v.checks()) {
            if (c.status() != CheckResult.Status.PASS) {
                why.add(label(c.status()) + " `" + c.name() + "`: " + c.detail());
            }
        }
        if (!why.isEmpty()) {
            d.bullets(why);
        }
        return d;
    }

    static List<List<String>> rows(RunVerdict v) {
        List<List<String>> rows = new ArrayList<>();
        for (CheckResult c : v.checks()) {
            rows.add(
                    List.of(
                            label(c.status()),
                            c.name(),
                            measured(c),
                            c.op() + " " + Fmt.value(c.unit(), c.threshold()),
                            c.origin().wireName()));
        }
        return rows;
    }

    static String measured(CheckResult c) {
        if (c.metric().equals(RunVerdict.VALIDITY_METRIC)) {
            return c.status() == CheckResult.Status.PASS
                    ? "no invalidating flags"
                    : c.detail().replace("invalidating validity flags: ", "flags: ");
        }
        return Fmt.value(c.unit(), c.measured());
    }

    static String label(CheckResult.Status status) {
        return switch (status) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case NOT_EVALUATED -> "NOT EVALUATED";
        };
    }
}
