package io.tokenbench.reports.record;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Appends intervals to {@code metrics.hlog} (HdrHistogram log format 1.3, tagged, base time = run
 * start, with {@code #[StartTime:]} and {@code #[BaseTime:]} comments so readers get absolute
 * times) and to {@code outcomes.jsonl}. Each interval is buffered and flushed in one write per
 * file, so a process killed with SIGKILL leaves every earlier interval complete on disk. Used by
 * {@link RunRecorder} (reporter thread) and by {@code merge}; not thread-safe.
 */
public final class IntervalLogWriter implements AutoCloseable {

    static final String HLOG_FILE = "metrics.hlog";
    static final String OUTCOMES_FILE = "outcomes.jsonl";
    private static final int BUFFER_BYTES = 1 << 20;

    private final PrintStream hlogStream;
    private final HistogramLogWriter hlog;
    private final PrintStream outcomes;
    private final long baseEpochMillis;

    /**
     * Creates (truncates) both logs in {@code runDir} with base and start time {@code
     * baseEpochMillis}.
     */
    public IntervalLogWriter(Path runDir, long baseEpochMillis) {
        this.baseEpochMillis = baseEpochMillis;
        try {
            hlogStream = open(runDir.resolve(HLOG_FILE));
            outcomes = open(runDir.resolve(OUTCOMES_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the interval logs in " + runDir, e);
        }
        hlog = new HistogramLogWriter(hlogStream);
        hlog.outputLogFormatVersion();
        hlog.outputComment(
                "[tokenbench metrics: values in the stored unit of each tag, see reports/README.md]");
        hlog.setBaseTime(baseEpochMillis);
        hlog.outputStartTime(baseEpochMillis);
        hlog.outputBaseTime(baseEpochMillis);
        hlog.outputLegend();
        flush();
    }

    private static PrintStream open(Path file) throws IOException {
        OutputStream out =
                new BufferedOutputStream(new FileOutputStream(file.toFile(), false), BUFFER_BYTES);
        return new PrintStream(out, false, StandardCharsets.UTF_8);
    }

    /** Buffers one tagged interval histogram (not yet flushed). */
    public void histogram(
            String tag, long startEpochMillis, long endEpochMillis, Histogram h, ValueUnit unit) {
        h.setTag(tag);
        h.setStartTimeStamp(startEpochMillis);
        h.setEndTimeStamp(endEpochMillis);
        hlog.outputIntervalHistogram(
                (startEpochMillis - baseEpochMillis) / 1000.0,
                (endEpochMillis - baseEpochMillis) / 1000.0,
                h,
                unit.storedPerReported());
    }

    /** Buffers one outcomes line (not yet flushed). */
    public void outcomes(OutcomesLine line) {
        outcomes.print(OutcomesJson.toJson(line));
        outcomes.print('\n');
    }

    /** Writes everything buffered; one write per file for an interval that fits the buffer. */
    public void flush() {
        hlogStream.flush();
        outcomes.flush();
        if (hlogStream.checkError() || outcomes.checkError()) {
            throw new UncheckedIOException(
                    new IOException("writing " + HLOG_FILE + " or " + OUTCOMES_FILE + " failed"));
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            hlogStream.close();
            outcomes.close();
        }
    }
}
