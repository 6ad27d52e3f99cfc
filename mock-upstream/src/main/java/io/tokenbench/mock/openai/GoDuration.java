package io.tokenbench.mock.openai;

/**
 * Formats durations the way Go does, as OpenAI's {@code x-ratelimit-reset-*} headers show them:
 * 20ms, 1.5s, 6m0s.
 */
public final class GoDuration {

    private GoDuration() {}

    public static String format(long nanos) {
        if (nanos <= 0) {
            return "0s";
        }
        if (nanos < 1_000_000_000L) {
            long micros = nanos / 1_000;
            return micros % 1_000 == 0 ? micros / 1_000 + "ms" : trim(micros / 1_000.0) + "ms";
        }
        long minutes = nanos / 60_000_000_000L;
        double seconds = (nanos % 60_000_000_000L) / 1e9;
        return (minutes > 0 ? minutes + "m" : "") + trim(seconds) + "s";
    }

    private static String trim(double value) {
        String text = String.format(java.util.Locale.ROOT, "%.3f", value);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
