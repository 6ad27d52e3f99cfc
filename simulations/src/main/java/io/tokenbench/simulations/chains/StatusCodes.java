package io.tokenbench.simulations.chains;

import scala.Option;

/**
 * The response code Gatling's stats engine is given for an HTTP status: {@code None} for 0 (no
 * response), else the status as text, one shared {@code Option} per status instead of a String and
 * an Option per request.
 */
final class StatusCodes {
    /** HTTP statuses are three digits ({@code RequestTimeline} checks 0..999). */
    private static final Option<String>[] CODES = codes();

    private StatusCodes() {}

    static Option<String> option(int status) {
        if (status == 0) {
            return Option.empty();
        }
        if (status > 0 && status < CODES.length) {
            return CODES[status];
        }
        return Option.apply(Integer.toString(status));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Option<String>[] codes() {
        Option<String>[] codes = new Option[1000];
        for (int i = 1; i < codes.length; i++) {
            codes[i] = Option.apply(Integer.toString(i));
        }
        return codes;
    }
}
