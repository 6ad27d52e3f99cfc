package io.tokenbench.benchmarks.cli;

import io.tokenbench.benchmarks.target.LiveTarget;
import io.tokenbench.benchmarks.target.TargetKind;
import io.tokenbench.options.ExitCode;
import io.tokenbench.reports.format.OutputFormat;
import io.tokenbench.reports.format.ReportInput;
import io.tokenbench.reports.ingest.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What {@code ./tokenbench bench} does with its {@link BenchOptions}: runs JMH's {@link Runner}
 * with the preset and {@code -foe true}, imports the JSON into the run folder through the reports
 * model, prints the summary, the SDK overhead table and the next step. Exit 0 done, 1 a benchmark
 * failed, 2 unusable input.
 */
final class BenchRun {

    private BenchRun() {}

    /** Runs or imports; returns the exit code. */
    static int run(BenchOptions options, PrintWriter out, PrintWriter err) {
        try {
            if (options.importFile().isPresent()) {
                if (!Files.isRegularFile(options.importFile().get())) {
                    throw new BadInputException(
                            "--import " + options.importFile().get() + ": no such file");
                }
                Path dir = JmhRunImport.createRunFolder(options.runsRoot(), Instant.now());
                JmhRunImport.copyIn(options.importFile().get(), dir);
                return printImport(JmhRunImport.importJmh(dir), out, err);
            }
            return runJmh(options, out, err);
        } catch (BadInputException e) {
            err.println("bench: " + e.getMessage());
            return ExitCode.COULD_NOT_RUN;
        } catch (UncheckedIOException e) {
            err.println("bench: " + e.getMessage() + ": " + e.getCause().getMessage());
            return ExitCode.COULD_NOT_RUN;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int runJmh(BenchOptions options, PrintWriter out, PrintWriter err) {
        if (options.list()) {
            try {
                new Runner(jmhOptions(options, Path.of("jmh.json")).build()).list();
                return ExitCode.PASS;
            } catch (RuntimeException e) {
                err.println("bench: " + e.getMessage());
                return ExitCode.COULD_NOT_RUN;
            }
        }
        Path dir = JmhRunImport.createRunFolder(options.runsRoot(), Instant.now());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try {
            new Runner(jmhOptions(options, dir.resolve(JmhRunImport.JMH_JSON)).build()).run();
        } catch (NoBenchmarksException e) {
            deleteEmpty(dir);
            err.println(
                    "bench: no benchmark matches PATTERN " + options.patterns() + " (see --list)");
            return ExitCode.COULD_NOT_RUN;
        } catch (RunnerException e) {
            err.println("bench: a benchmark failed (JMH runs with -foe true): " + e.getMessage());
            err.println("bench: partial results, if any, are in " + dir);
            return ExitCode.FAILED;
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        err.printf(
                Locale.ROOT,
                "bench: preset %s; 1-minute load average %.2f before, %.2f after, %d cores%n",
                options.preset(),
                loadBefore,
                loadAfter,
                Runtime.getRuntime().availableProcessors());
        return printImport(JmhRunImport.importJmh(dir), out, err);
    }

    /**
     * The JMH options: preset, patterns, params, live target properties, JSON result, fail on
     * error.
     */
    static ChainedOptionsBuilder jmhOptions(BenchOptions options, Path result) {
        ChainedOptionsBuilder builder =
                options.preset()
                        .apply(new OptionsBuilder())
                        .shouldFailOnError(true)
                        .resultFormat(ResultFormatType.JSON)
                        .result(result.toString());
        options.patterns().forEach(builder::include);
        options.params()
                .forEach((name, values) -> builder.param(name, values.toArray(String[]::new)));
        if (options.preset() == BenchPreset.QUICK
                && options.baseUrl().isEmpty()
                && !options.params().containsKey("target")) {
            builder.param(
                    "target",
                    TargetKind.MOCK_ZERO
                            .name()); // the client's cost; realistic streams take seconds each
        }
        List<String> properties = new ArrayList<>();
        options.model().ifPresent(m -> properties.add("-D" + LiveTarget.MODEL_PROPERTY + "=" + m));
        options.baseUrl()
                .ifPresent(
                        url -> {
                            builder.param("target", "LIVE");
                            properties.add("-D" + LiveTarget.BASE_URL_PROPERTY + "=" + url);
                            properties.add(
                                    "-D"
                                            + LiveTarget.API_KEY_ENV_PROPERTY
                                            + "="
                                            + options.apiKeyEnv());
                            properties.addAll(
                                    LiveTarget.numberedProperties(
                                            LiveTarget.HEADER_PROPERTY_PREFIX, options.headers()));
                            properties.addAll(
                                    LiveTarget.numberedProperties(
                                            LiveTarget.HEADER_ENV_PROPERTY_PREFIX,
                                            options.headerEnv()));
                        });
        if (!properties.isEmpty()) {
            // prepend: the benchmarks' own @Fork(jvmArgsAppend) heap settings stay in force
            builder.jvmArgsPrepend(properties.toArray(String[]::new));
        }
        return builder;
    }

    /** Removes a run folder that holds nothing but JMH's empty result file. */
    private static void deleteEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(JmhRunImport.JMH_JSON));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // not empty or not deletable: leave it, it does no harm
        }
    }

    private static int printImport(
            JmhRunImport.Imported imported, PrintWriter out, PrintWriter err) {
        out.print(
                OutputFormat.TEXT
                        .renderer()
                        .report(
                                new ReportInput(
                                        imported.summary(),
                                        imported.data(),
                                        Optional.empty(),
                                        Optional.empty())));
        OverheadTable.render(imported.summary()).ifPresent(table -> out.print("\n" + table));
        Path json = imported.runDir().resolve(JmhRunImport.JMH_JSON);
        err.println(
                "bench: wrote " + json + " and summary.json, summary.md, report.html next to it");
        err.println("bench: next: ./tokenbench compare benchmarks/baselines/quick.json " + json);
        return ExitCode.PASS;
    }
}
