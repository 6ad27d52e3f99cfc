package io.tokenbench.simulations.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The temporary files and folders a run keeps in its output folder while it runs (Gatling's results
 * folder, the embedded mock's log). Each gets a fresh unique name from the file system, never one
 * derived from the process id: injectors in containers all run as PID 1 and may share one output
 * folder (the Kubernetes manifests' results volume), so a PID-based name collides.
 */
final class RunScratch {
    static final String GATLING_PREFIX = ".gatling-";
    static final String MOCK_LOG_PREFIX = ".mock-";

    private RunScratch() {}

    /** Creates {@code <outDir>/.gatling-<unique>/}, Gatling's results folder for one run. */
    static Path gatlingResults(Path outDir) {
        try {
            return Files.createTempDirectory(outDir, GATLING_PREFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder in " + outDir, e);
        }
    }

    /**
     * Creates the empty file {@code <outDir>/.mock-<unique>.log} for the embedded mock's output.
     */
    static Path mockLog(Path outDir) {
        try {
            return Files.createTempFile(outDir, MOCK_LOG_PREFIX, ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file in " + outDir, e);
        }
    }

    /** Deletes {@code dir} when it is empty; keeps it (and says nothing) otherwise. */
    static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException kept) {
            // something the run did not expect is left in it: keep it for inspection
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Deletes {@code dir} and everything in it (a scratch run such as the sweep's warm-up). */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
