package io.tokenbench.reports.format;

import io.tokenbench.reports.compare.Comparer;
import io.tokenbench.reports.enforcement.EnforcementReader;
import io.tokenbench.reports.enforcement.EnforcementResult;
import io.tokenbench.reports.gate.DefaultRules;
import io.tokenbench.reports.gate.GateEvaluator;
import io.tokenbench.reports.gate.GateReport;
import io.tokenbench.reports.gate.Rule;
import io.tokenbench.reports.gate.RuleParser;
import io.tokenbench.reports.gate.RunChecks;
import io.tokenbench.reports.gate.RunVerdicts;
import io.tokenbench.reports.ingest.BadInputException;
import io.tokenbench.reports.ingest.RunLoader;
import io.tokenbench.reports.ingest.RunSource;
import io.tokenbench.reports.model.CoordinatedOmission;
import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.RunVerdict;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.record.ErrorSample;
import io.tokenbench.reports.record.ErrorSampleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a run folder's {@code summary.json}, {@code summary.md}, {@code report.html} and {@code
 * junit.xml} from its logs. Everything is read and rendered before the first file is written, and
 * each file is replaced atomically, so bad input leaves the folder as it was.
 */
public final class ReportWriter {

    private ReportWriter() {}

    /** What was written. */
    public record Written(
            RunData data,
            RunSummary summary,
            GateReport gate,
            List<Path> files,
            List<ErrorSample> errorSamples) {

        public Written {
            files = List.copyOf(files);
            errorSamples = List.copyOf(errorSamples);
        }

        /** The run's verdict (every report has one); {@code verdict().exitCode()} for CI. */
        public RunVerdict verdict() {
            return summary.verdict().orElseThrow();
        }

        /** What a console prints after a run: the verdict with its checks, and the top errors. */
        public String headlineText() {
            return Headline.text(summary, errorSamples);
        }

        /** The whole summary for a console or CI log, in {@code format} (text, markdown, json). */
        public String render(OutputFormat format) {
            return format.renderer()
                    .report(
                            new ReportInput(
                                    summary,
                                    data,
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    errorSamples));
        }
    }

    /**
     * Report without baseline or rules: the library entry point for drivers after {@code
     * RunRecorder.close()}.
     */
    public static Written writeAll(Path runDir) {
        return writeAll(runDir, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Report with optional baseline and rules, without coordinated-omission correction. */
    public static Written writeAll(Path runDir, Optional<Path> baseline, Optional<Path> rulesFile) {
        return writeAll(runDir, baseline, rulesFile, Optional.empty());
    }

    /**
     * @param baseline optional baseline run folder (comparison view)
     * @param rulesFile optional gate rules for junit.xml (default: {@link DefaultRules})
     * @param coInterval closed-model runs only: add coordinated-omission corrected ttft, ttfb and
     *     e2e
     * @throws BadInputException for unusable input; nothing is written then
     */
    public static Written writeAll(
            Path runDir,
            Optional<Path> baseline,
            Optional<Path> rulesFile,
            Optional<Duration> coInterval) {
        return writeAll(runDir, baseline, rulesFile, coInterval, RunChecks.DEFAULTS);
    }

    /**
     * Like {@link #writeAll(Path, Optional, Optional, Optional)} with the run's checks ({@code
     * --check}): the verdict in summary.json, junit.xml, summary.md and report.html.
     */
    public static Written writeAll(Path runDir, RunChecks checks) {
        return writeAll(runDir, Optional.empty(), Optional.empty(), Optional.empty(), checks);
    }

    /**
     * @param checks the run's checks (defaults, replaced or extended by {@code --check} rules)
     * @throws BadInputException for unusable input; nothing is written then
     */
    public static Written writeAll(
            Path runDir,
            Optional<Path> baseline,
            Optional<Path> rulesFile,
            Optional<Duration> coInterval,
            RunChecks checks) {
        RunData loaded = RunLoader.load(runDir, rulesFile.isPresent() && baseline.isPresent());
        RunData run;
        try {
            run = coInterval.map(i -> CoordinatedOmission.correct(loaded, i)).orElse(loaded);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(runDir + ": " + e.getMessage(), e);
        }
        RunSummary built = SummaryBuilder.build(run);
        RunSummary summary = built.withVerdict(RunVerdicts.evaluate(built, checks));
        List<ErrorSample> samples;
        try {
            samples = ErrorSampleJson.read(runDir);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        Optional<ReportInput.Baseline> base =
                baseline.map(
                        b -> {
                            RunData data = RunSource.load(b, rulesFile.isPresent());
                            return new ReportInput.Baseline(
                                    data, Comparer.compare(SummaryBuilder.build(data), summary));
                        });
        List<Rule> rules =
                rulesFile
                        .map(f -> parseRules(f, summary, base))
                        .orElseGet(() -> DefaultRules.forRun(run, summary));
        GateReport gate =
                GateEvaluator.evaluate(
                        rules,
                        base.map(b -> List.of(b.data())).orElse(List.of()),
                        List.of(run),
                        false);
        Optional<EnforcementResult> enforcement = EnforcementReader.read(runDir);
        ReportInput input =
                new ReportInput(summary, run, base, Optional.of(gate), enforcement, samples);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RunFolder.SUMMARY_JSON, OutputFormat.JSON.renderer().report(input));
        files.put(
                RunFolder.SUMMARY_MD,
                OutputFormat.MARKDOWN
                        .renderer()
                        .report(
                                new ReportInput(
                                        summary,
                                        run,
                                        base,
                                        rulesFile.isPresent()
                                                ? Optional.of(gate)
                                                : Optional.empty(),
                                        Optional.empty(),
                                        samples)));
        files.put(RunFolder.REPORT_HTML, OutputFormat.HTML.renderer().report(input));
        files.put(RunFolder.JUNIT_XML, OutputFormat.JUNIT.renderer().report(input));
        return new Written(run, summary, gate, writeAtomically(runDir, files), samples);
    }

    private static List<Rule> parseRules(
            Path file, RunSummary summary, Optional<ReportInput.Baseline> base) {
        try {
            List<RunSummary> known =
                    base.map(b -> List.of(summary, b.comparison().baseline()))
                            .orElse(List.of(summary));
            return RuleParser.parse(Files.readAllLines(file), known);
        } catch (IOException e) {
            throw new BadInputException("cannot read rules " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ":\n" + e.getMessage(), e);
        }
    }

    /** Writes each file to a temporary sibling and moves it into place. */
    static List<Path> writeAtomically(Path dir, Map<String, String> files) {
        try {
            List<Path> written = new java.util.ArrayList<>();
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                Path tmp = dir.resolve("." + e.getKey() + ".tmp");
                Files.writeString(tmp, e.getValue());
                Files.move(
                        tmp,
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
    }
}
