package io.tokenbench.simulations.cli;

import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.record.OutputLengths;
import io.tokenbench.simulations.scenarios.RunPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * What the console says about how requests were built and sent: before a run, the {@code
 * --insecure} warning and the extra header names (never values); after it, requested vs received
 * output length per lane, also written as {@code output-length.json} in each lane's run folder.
 */
final class RequestNotes {
    static final String OUTPUT_LENGTH_JSON = "output-length.json";

    private RequestNotes() {}

    static void before(RunParameters params, PrintStream out) {
        if (params.transport().insecure()) {
            out.println(
                    "WARNING: --insecure: server certificates are not verified (testing only;"
                            + " recorded in run.json)");
        }
        if (!params.request().headers().isEmpty()) {
            out.println("extra headers: " + params.request().headers().describe());
        }
    }

    static void after(RunPlan plan, List<PlanExecution.LaneResult> results, PrintStream out) {
        for (int i = 0; i < results.size() && i < plan.lanes().size(); i++) {
            OutputLengths lengths = plan.outputLengths(i);
            String prefix = results.size() > 1 ? results.get(i).lane() + ": " : "";
            out.println(prefix + lengths.describe());
            try {
                Files.writeString(
                        results.get(i).runDir().resolve(OUTPUT_LENGTH_JSON),
                        lengths.toJson(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
