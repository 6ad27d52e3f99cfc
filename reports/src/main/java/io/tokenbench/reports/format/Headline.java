package io.tokenbench.reports.format;

import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.record.ErrorSample;
import java.util.List;

/**
 * The part of a run's summary a console shows right after the run: the verdict (each check with its
 * measured value) and the top errors, as aligned text.
 */
public final class Headline {

    private Headline() {}

    public static String text(RunSummary s, List<ErrorSample> samples) {
        Doc d = VerdictDoc.of(s);
        TopErrors.of(s, samples).appendTo(d);
        return d.toText();
    }
}
