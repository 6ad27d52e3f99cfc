package io.tokenbench.reports.merge;

import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.record.RunEnd;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The per-request files of a merge: {@code requests.jsonl.gz} and {@code errors.jsonl} are the
 * injectors' lines concatenated (each line keeps its {@code injector} field), and the end marker
 * says whether every input finished: one unfinished input makes the merged run incomplete.
 */
final class RecordFiles {

    private RecordFiles() {}

    static void write(Path outDir, List<Path> runDirs) {
        try {
            if (runDirs.stream()
                    .allMatch(d -> Files.exists(d.resolve(RunFolder.REQUESTS_JSONL_GZ)))) {
                // only when every injector wrote records: a partial set would never reconcile
                concatenateGzip(runDirs, outDir.resolve(RunFolder.REQUESTS_JSONL_GZ));
            }
            if (runDirs.stream().anyMatch(d -> Files.exists(d.resolve(RunFolder.ERRORS_JSONL)))) {
                concatenateText(runDirs, outDir.resolve(RunFolder.ERRORS_JSONL));
            }
            if (runDirs.stream().anyMatch(RunEnd::incomplete)) {
                Files.copy(
                        runDirs.stream()
                                .filter(RunEnd::incomplete)
                                .findFirst()
                                .orElseThrow()
                                .resolve(RunEnd.RECORDING),
                        outDir.resolve(RunEnd.RECORDING));
            } else {
                long dropped = 0;
                long records = 0;
                long samples = 0;
                long afterClose = 0;
                long end = 0;
                boolean any = false;
                for (Path d : runDirs) {
                    var e = RunEnd.read(d);
                    if (e.isPresent()) {
                        any = true;
                        dropped += Math.max(0, e.get().requestRecordsDropped());
                        records += Math.max(0, e.get().requestRecords());
                        samples += e.get().errorSamples();
                        afterClose += e.get().droppedAfterClose();
                        end = Math.max(end, e.get().endEpochMillis());
                    }
                }
                if (any) {
                    new RunEnd(end, afterClose, records, dropped, samples).markEnded(outDir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the request records into " + outDir, e);
        }
    }

    private static void concatenateGzip(List<Path> runDirs, Path out) throws IOException {
        try (BufferedWriter w =
                new BufferedWriter(
                        new OutputStreamWriter(
                                new GZIPOutputStream(Files.newOutputStream(out), 1 << 16),
                                StandardCharsets.UTF_8))) {
            for (Path d : runDirs) {
                try (BufferedReader r =
                        new BufferedReader(
                                new InputStreamReader(
                                        new GZIPInputStream(
                                                Files.newInputStream(
                                                        d.resolve(RunFolder.REQUESTS_JSONL_GZ))),
                                        StandardCharsets.UTF_8))) {
                    copyLines(r, w);
                } catch (EOFException | ZipException e) {
                    // an input cut short by a kill: its complete lines are copied; the merged run
                    // carries that input's recording marker, so its report says incomplete
                }
            }
        }
    }

    private static void concatenateText(List<Path> runDirs, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path d : runDirs) {
                Path f = d.resolve(RunFolder.ERRORS_JSONL);
                if (Files.exists(f)) {
                    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        copyLines(r, w);
                    }
                }
            }
        }
    }

    private static void copyLines(BufferedReader r, BufferedWriter w) throws IOException {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (!line.isBlank()) {
                w.write(line);
                w.write('\n');
            }
        }
    }
}
