package io.tokenbench.reports.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;

/**
 * Streams the interval lines of an HdrHistogram log (format 1.3, as written by {@code
 * HistogramLogWriter}), with absolute times from its {@code #[BaseTime:]} / {@code #[StartTime:]}
 * comments (same rules as {@code HistogramLogReader}). Unlike {@code HistogramLogReader}, which
 * returns {@code null} at the first bad line, every malformed or truncated line is an error naming
 * the file and line. Streaming keeps memory flat for hour-long logs: the consumer decides what to
 * keep.
 */
public final class HlogReader {

    private static final String LEGEND_PREFIX = "\"StartTimestamp\"";

    private HlogReader() {}

    /** Calls {@code consumer} for every interval, in file order. */
    public static void forEach(Path hlog, Consumer<TaggedInterval> consumer) {
        try (Cursor cursor = open(hlog)) {
            TaggedInterval i;
            while ((i = cursor.next()) != null) {
                consumer.accept(i);
            }
        }
    }

    /**
     * Opens a pull cursor over the intervals of {@code hlog} (for merging several logs in time
     * order).
     */
    public static Cursor open(Path hlog) {
        try {
            return new Cursor(
                    Files.newBufferedReader(hlog, StandardCharsets.UTF_8), hlog.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(hlog + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + hlog + ": " + e.getMessage(), e);
        }
    }

    /** Reads one interval at a time. Not thread-safe. */
    public static final class Cursor implements AutoCloseable {
        private final BufferedReader in;
        private final String name;
        private double startTimeSec = Double.NaN;
        private double baseTimeSec = Double.NaN;
        private int lineNo;

        Cursor(BufferedReader in, String name) {
            this.in = in;
            this.name = name;
        }

        /** The next interval, or null at the end of the log. */
        public TaggedInterval next() {
            try {
                return read();
            } catch (IOException e) {
                throw new BadInputException("cannot read " + name + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // closing a reader we only read from: nothing is lost
            }
        }

        private TaggedInterval read() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.startsWith(LEGEND_PREFIX)) {
                    continue;
                }
                if (line.startsWith("#")) {
                    double start = commentSeconds(line, "#[StartTime: ", name, lineNo);
                    double base = commentSeconds(line, "#[BaseTime: ", name, lineNo);
                    startTimeSec = Double.isNaN(start) ? startTimeSec : start;
                    baseTimeSec = Double.isNaN(base) ? baseTimeSec : base;
                    continue;
                }
                Parsed p = parse(line, name, lineNo);
                if (Double.isNaN(startTimeSec)) {
                    startTimeSec = p.startSec;
                }
                if (Double.isNaN(baseTimeSec)) {
                    baseTimeSec = p.startSec < startTimeSec ? startTimeSec : 0.0;
                }
                long startMs = Math.round((baseTimeSec + p.startSec) * 1000.0);
                long endMs = Math.round((baseTimeSec + p.startSec + p.lengthSec) * 1000.0);
                return new TaggedInterval(p.tag, startMs, endMs, p.histogram);
            }
            return null;
        }
    }

    private record Parsed(
            String tag, double startSec, double lengthSec, SparseHistogram histogram) {}

    private static Parsed parse(String line, String name, int lineNo) {
        String rest = line;
        String tag = "";
        if (rest.startsWith("Tag=")) {
            int comma = rest.indexOf(',');
            if (comma < 0) {
                throw bad(name, lineNo, "tag without data");
            }
            tag = rest.substring(4, comma);
            rest = rest.substring(comma + 1);
        }
        String[] fields = rest.split(",", -1);
        if (fields.length != 4) {
            throw bad(
                    name,
                    lineNo,
                    "expected start,length,max,histogram but found " + fields.length + " fields");
        }
        double start = number(fields[0], "start", name, lineNo);
        double length = number(fields[1], "length", name, lineNo);
        number(fields[2], "max", name, lineNo);
        if (length < 0) {
            throw bad(name, lineNo, "negative interval length");
        }
        SparseHistogram h;
        try {
            h = SparseHistogram.decode(Base64.getDecoder().decode(fields[3].trim()));
        } catch (DataFormatException | RuntimeException e) {
            throw bad(
                    name,
                    lineNo,
                    "histogram payload is truncated or corrupt ("
                            + e.getClass().getSimpleName()
                            + ")");
        }
        return new Parsed(tag, start, length, h);
    }

    private static double commentSeconds(String line, String prefix, String name, int lineNo) {
        if (!line.startsWith(prefix)) {
            return Double.NaN;
        }
        String value = line.substring(prefix.length()).split("[\\s,\\]]", 2)[0];
        return number(value, prefix.trim(), name, lineNo);
    }

    private static double number(String text, String field, String name, int lineNo) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(name, lineNo, field + " is not a number: '" + text + "'");
        }
    }

    private static BadInputException bad(String name, int lineNo, String what) {
        return new BadInputException(name + " line " + lineNo + ": " + what);
    }
}
