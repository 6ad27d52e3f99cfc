package io.tokenbench.mock.audio;

/**
 * The documented speech-length rule: {@value #CHARS_PER_SECOND} input code points per second of
 * audio at {@code speed} 1 (about 150 words a minute), divided by {@code speed}, at least {@value
 * #MIN_SECONDS} s; rounded to whole samples.
 */
public final class SpeechDuration {

    public static final double CHARS_PER_SECOND = 15.0;
    public static final double MIN_SECONDS = 0.25;

    private SpeechDuration() {}

    public static double seconds(String input, double speed) {
        double raw =
                Math.max(
                        MIN_SECONDS,
                        input.codePointCount(0, input.length()) / CHARS_PER_SECOND / speed);
        return Math.round(raw * WavAudio.SAMPLE_RATE) / (double) WavAudio.SAMPLE_RATE;
    }
}
