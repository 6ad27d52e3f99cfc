package io.tokenbench.simulations.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunInfo;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.JobTimeline;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RecorderOptions;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunRecorder;
import io.tokenbench.simulations.metrics.MetricsExposition;
import io.tokenbench.simulations.metrics.RunMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One target's recording: the reports module's {@link RunFolder} and {@link RunRecorder} (every
 * metric is derived there), the {@link LiveStats} of the progress line, and up to {@value
 * #MAX_SAMPLES} sample outputs written to {@code samples.jsonl} at close.
 *
 * <p>Thread-safe: {@link #finished} and {@link #scheduled} are lock-free; {@link #close} once.
 */
public final class RunSink implements TimelineSink, AutoCloseable {
    static final int MAX_SAMPLES = 5;
    public static final String SAMPLES_JSONL = "samples.jsonl";

    private final RunFolder folder;
    private final RunRecorder recorder;
    private final LiveStats live = new LiveStats();
    private final AtomicInteger sampleCount = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** The live exposition's series of this run ({@code --metrics-port}), else null. */
    private final RunMetrics metrics;

    private RunSink(RunFolder folder, RunRecorder recorder, RunMetrics metrics) {
        this.folder = folder;
        this.recorder = recorder;
        this.metrics = metrics;
    }

    /**
     * Creates the run folder ({@code run.json}) under {@code runsRoot} and starts its recorder;
     * also records into the process's open {@link MetricsExposition}, if any.
     */
    public static RunSink open(java.nio.file.Path runsRoot, RunInfo info, RunClock clock) {
        return open(runsRoot, info, clock, List.of());
    }

    /**
     * As above; {@code knownSecrets} (the API keys in use) are redacted wherever they appear in
     * error samples.
     */
    public static RunSink open(
            java.nio.file.Path runsRoot, RunInfo info, RunClock clock, List<String> knownSecrets) {
        RunFolder folder = RunFolder.create(runsRoot, info);
        RunRecorder recorder =
                folder.startRecorder(
                        info,
                        clock,
                        RecorderOptions.DEFAULTS
                                .withInjector(RunFolder.injectorOf(info))
                                .withKnownSecrets(knownSecrets));
        RunMetrics metrics =
                MetricsExposition.forRun(
                                folder.dir().getFileName().toString(),
                                info.scenario(),
                                RunFolder.injectorOf(info),
                                clock,
                                recorder.config().window())
                        .orElse(null);
        return new RunSink(folder, recorder, metrics);
    }

    @Override
    public boolean wantsErrorSample(EndpointClass endpoint, Outcome outcome, int status) {
        return !closed && recorder.errorSampler().wants(endpoint, outcome, status);
    }

    /** Only the first {@value #MAX_SAMPLES} non-empty sample texts are kept. */
    @Override
    public boolean wantsSampleText() {
        return sampleCount.get() < MAX_SAMPLES;
    }

    @Override
    public void errorSample(
            EndpointClass endpoint,
            Outcome outcome,
            int status,
            Map<String, String> headers,
            String body) {
        if (!closed) {
            recorder.errorSampler().offer(endpoint, outcome, status, headers, body);
        }
    }

    public RunFolder folder() {
        return folder;
    }

    public RunClock clock() {
        return recorder.clock();
    }

    public LiveStats live() {
        return live;
    }

    @Override
    public void scheduled(long tSchedNanos) {
        recorder.markScheduled(tSchedNanos);
        live.scheduled();
        if (metrics != null) {
            metrics.scheduled(tSchedNanos, EndpointClass.CHAT); // drivers without a class chat
        }
    }

    @Override
    public void scheduled(long tSchedNanos, EndpointClass endpoint) {
        recorder.markScheduled(tSchedNanos, endpoint);
        live.scheduled();
        if (metrics != null) {
            metrics.scheduled(tSchedNanos, endpoint);
        }
    }

    @Override
    public void finishedJob(JobTimeline job) {
        recorder.record(job);
        live.finished(job);
        if (metrics != null) {
            metrics.finished(job);
        }
    }

    @Override
    public void finished(long index, RequestTimeline timeline, String sampleText) {
        recorder.record(timeline);
        live.finished(timeline);
        if (metrics != null) {
            metrics.finished(timeline);
        }
        if (!sampleText.isEmpty()
                && sampleCount.get() < MAX_SAMPLES
                && sampleCount.incrementAndGet() <= MAX_SAMPLES) {
            samples.add(sampleText);
        }
    }

    /**
     * Closes the recorder (last interval, unfinished requests as timeouts) and writes the samples.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        recorder.close();
        if (metrics != null) {
            metrics.runEnded(); // the exposition's counts now equal the recorder's final ones
        }
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String s : samples) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("output", s);
            try {
                lines.add(json.writeValueAsString(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.write(
                    folder.file(SAMPLES_JSONL),
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.file(SAMPLES_JSONL), e);
        }
    }

    /** True for timelines never recorded because they finished after close. */
    public long droppedAfterClose() {
        return recorder.droppedAfterClose();
    }
}
