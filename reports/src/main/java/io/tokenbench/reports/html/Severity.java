package io.tokenbench.reports.html;

import java.util.Locale;

/**
 * How alarming a thing on a page is, one colour each on every page: red ({@link #FAIL}) only for
 * what failed or makes the numbers untrustworthy, amber ({@link #WARN}) for what deserves a look,
 * blue ({@link #INFO}) for facts, green ({@link #PASS}) for a check that held.
 */
public enum Severity {
    PASS,
    INFO,
    WARN,
    FAIL;

    /** The CSS class: {@code sev-fail}. */
    public String css() {
        return "sev-" + name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two. */
    public Severity max(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
