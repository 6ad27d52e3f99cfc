package io.tokenbench.mock.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The words of a mock transcript: {@value #WORDS_PER_SECOND} words per audio second (at least one),
 * drawn from a fixed word list by a seeded generator, grouped into segments of at most {@value
 * #SEGMENT_SECONDS} seconds. Renders {@code srt} and {@code vtt} cues from the segments.
 */
final class TranscriptText {

    static final double WORDS_PER_SECOND = 2.5;
    static final double SEGMENT_SECONDS = 5.0;
    private static final String[] WORDS = {
        "the",
        "mock",
        "heard",
        "a",
        "steady",
        "tone",
        "and",
        "wrote",
        "these",
        "words",
        "for",
        "your",
        "benchmark",
        "run",
        "today"
    };

    record Segment(int id, double start, double end, String text) {}

    private TranscriptText() {}

    static List<Segment> segments(double seconds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Segment> segments = new ArrayList<>();
        double start = 0;
        do {
            double end = Math.min(seconds, start + SEGMENT_SECONDS);
            int words = Math.max(1, (int) Math.round((end - start) * WORDS_PER_SECOND));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < words; i++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                text.append(
                        i == 0
                                ? Character.toUpperCase(word.charAt(0)) + word.substring(1)
                                : " " + word);
            }
            segments.add(new Segment(segments.size(), start, end, text.append('.').toString()));
            start = end;
        } while (start < seconds);
        return segments;
    }

    static String text(List<Segment> segments) {
        return String.join(" ", segments.stream().map(Segment::text).toList());
    }

    static String srt(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            out.append(s.id() + 1)
                    .append('\n')
                    .append(time(s.start(), ','))
                    .append(" --> ")
                    .append(time(s.end(), ','))
                    .append('\n')
                    .append(s.text())
                    .append("\n\n");
        }
        return out.toString();
    }

    static String vtt(List<Segment> segments) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (Segment s : segments) {
            out.append(time(s.start(), '.'))
                    .append(" --> ")
                    .append(time(s.end(), '.'))
                    .append('\n')
                    .append(s.text())
                    .append("\n\n");
        }
        return out.toString();
    }

    /** {@code HH:MM:SS,mmm} (srt) or {@code HH:MM:SS.mmm} (vtt). */
    static String time(double seconds, char separator) {
        long millis = Math.round(seconds * 1000);
        return String.format(
                "%02d:%02d:%02d%c%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                separator,
                millis % 1000);
    }
}
