package io.tokenbench.simulations.scenarios;

import io.gatling.app.Gatling$;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a {@link RunPlan} with Gatling's engine in this JVM ({@code
 * io.gatling.app.Gatling.fromArgs}, which, unlike {@code main}, returns instead of exiting).
 * Gatling's own HTML report goes to {@code resultsDir}. Returns Gatling's status: 0 ok, 2 when a
 * Gatling assertion (the ttft SLO) failed.
 */
public final class GatlingRunner {
    private GatlingRunner() {}

    public static int run(RunPlan plan, Path resultsDir, boolean gatlingReport) {
        try {
            Files.createDirectories(resultsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + resultsDir, e);
        }
        RunPlan.install(plan);
        // Gatling's console writer prints a full stats block every 5 s; our progress line replaces
        // it.
        // (Its final summary and the HTML report stay.) An explicit -Dgatling.data.writers.0 wins.
        if (System.getProperty("gatling.data.writers.0") == null) {
            System.setProperty("gatling.data.writers.0", "file");
        }
        java.util.List<String> args =
                new java.util.ArrayList<>(
                        java.util.List.of(
                                "--simulation", TokenbenchSimulation.class.getName(),
                                "--results-folder", resultsDir.toAbsolutePath().toString(),
                                "--launcher", "tokenbench"));
        if (!gatlingReport) {
            args.add("--no-reports");
        }
        return Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
    }
}
