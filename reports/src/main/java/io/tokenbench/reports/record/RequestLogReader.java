package io.tokenbench.reports.record;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@code requests.jsonl.gz} record by record. A file cut short (a killed run: gzip trailer
 * missing, last line partial) is read up to its last complete line and reported as truncated.
 */
public final class RequestLogReader {

    private RequestLogReader() {}

    /** What was read. */
    public record Result(long records, boolean truncated) {}

    /**
     * Streams every complete record to {@code sink}.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed record
     */
    public static Result forEach(Path file, Consumer<RequestRecord> sink) {
        long n = 0;
        int lineNo = 0;
        try (BufferedReader in =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                                StandardCharsets.UTF_8))) {
            while (true) {
                String line;
                try {
                    // readLine returns only lines ended by a newline, or the last line at a clean
                    // end; a cut gzip stream throws before a partial line is returned
                    line = in.readLine();
                } catch (EOFException | ZipException e) {
                    return new Result(n, true);
                }
                if (line == null) {
                    return new Result(n, false);
                }
                lineNo++;
                try {
                    sink.accept(RequestRecordJson.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            file + " line " + lineNo + ": " + e.getMessage(), e);
                }
                n++;
            }
        } catch (EOFException e) {
            return new Result(n, true); // not even a gzip header
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
