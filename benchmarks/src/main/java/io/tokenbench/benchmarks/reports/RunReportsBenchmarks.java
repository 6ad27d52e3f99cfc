package io.tokenbench.benchmarks.reports;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the reports benchmarks through JMH's {@link Runner} until the benchmarks module has its
 * shaded jar: {@code java -cp <benchmarks classpath>
 * io.tokenbench.benchmarks.reports.RunReportsBenchmarks [result.json]}.
 */
public final class RunReportsBenchmarks {

    private RunReportsBenchmarks() {}

    public static void main(String[] args) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(SummarizeHourBench.class.getName()).shouldFailOnError(true);
        if (args.length > 0) {
            options.result(args[0])
                    .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON);
        }
        Options built = options.build();
        new Runner(built).run();
    }
}
