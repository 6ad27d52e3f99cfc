package io.tokenbench.reports.model;

import io.tokenbench.reports.record.RecorderOptions;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.RunRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A run folder, {@code runs/<UTC timestamp>-<scenario>/} (architecture.md): the names of its files,
 * its creation and the start of recording into it.
 */
public record RunFolder(Path dir) {

    public static final String RUN_JSON = "run.json";
    public static final String METRICS_HLOG = "metrics.hlog";
    public static final String OUTCOMES_JSONL = "outcomes.jsonl";
    public static final String SUMMARY_JSON = "summary.json";
    public static final String REPORT_HTML = "report.html";
    public static final String SUMMARY_MD = "summary.md";
    public static final String JUNIT_XML = "junit.xml";
    public static final String REQUESTS_JSONL_GZ = "requests.jsonl.gz";
    public static final String ERRORS_JSONL = "errors.jsonl";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * Creates {@code <runsRoot>/<yyyyMMddTHHmmssZ>-<scenario>/} (with {@code -2}, {@code -3}...
     * when it exists) and writes {@code run.json}.
     */
    public static RunFolder create(Path runsRoot, RunInfo info) {
        String base =
                STAMP.format(Instant.ofEpochMilli(info.startEpochMillis())) + "-" + info.scenario();
        try {
            Files.createDirectories(runsRoot);
            Path dir = runsRoot.resolve(base);
            for (int n = 2; ; n++) {
                try {
                    Files.createDirectory(dir);
                    break;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    dir = runsRoot.resolve(base + "-" + n);
                }
            }
            RunFolder folder = new RunFolder(dir);
            Files.writeString(folder.file(RUN_JSON), RunInfoJson.toJson(info));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + runsRoot, e);
        }
    }

    /**
     * Starts recording into this folder with the run's recorder configuration. {@code clock} must
     * be the anchor whose {@code startEpochMillis} is {@code info.startEpochMillis()}.
     */
    public RunRecorder startRecorder(RunInfo info, RunClock clock) {
        if (clock.startEpochMillis() != info.startEpochMillis()) {
            throw new IllegalArgumentException("clock and run.json disagree on the run start");
        }
        return startRecorder(info, clock, RecorderOptions.DEFAULTS.withInjector(injectorOf(info)));
    }

    /** Like {@link #startRecorder(RunInfo, RunClock)} with request-log and sampler options. */
    public RunRecorder startRecorder(RunInfo info, RunClock clock, RecorderOptions options) {
        if (clock.startEpochMillis() != info.startEpochMillis()) {
            throw new IllegalArgumentException("clock and run.json disagree on the run start");
        }
        return RunRecorder.start(dir, clock, info.recorderConfig(), options);
    }

    /** The run.json parameter {@code injector-index} (or {@code injector_index}), else "0". */
    public static String injectorOf(RunInfo info) {
        String v = info.parameters().get("injector-index");
        if (v == null) {
            v = info.parameters().get("injector_index");
        }
        return v == null || v.isBlank() ? "0" : v;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Reads {@code run.json}. */
    public RunInfo readInfo() {
        try {
            return RunInfoJson.parse(Files.readString(file(RUN_JSON)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(RUN_JSON), e);
        }
    }
}
