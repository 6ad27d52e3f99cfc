package io.tokenbench.reports.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * How a run folder tells a finished recording from one that was cut short. {@link RunRecorder}
 * writes {@value #RECORDING} when it starts and, in {@link RunRecorder#close()}, after the last
 * interval, writes {@value #END} and deletes {@value #RECORDING}. A folder with {@value #RECORDING}
 * and without {@value #END} was not closed (killed, crashed, powered off): its report is {@code
 * incomplete}. Folders from recorders older than this marker have neither file and read as
 * complete, as before.
 *
 * @param endEpochMillis end of the last interval
 * @param droppedAfterClose record calls after close (not recorded)
 * @param requestRecords records written to {@code requests.jsonl.gz}, -1 when not written
 * @param requestRecordsDropped records the request log dropped (queue full), -1 when not written
 * @param errorSamples samples kept in {@code errors.jsonl}
 */
public record RunEnd(
        long endEpochMillis,
        long droppedAfterClose,
        long requestRecords,
        long requestRecordsDropped,
        long errorSamples) {

    public static final String RECORDING = "recording.json";
    public static final String END = "end.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Writes {@value #RECORDING} (the run is being recorded). */
    static void markStarted(Path runDir, long startEpochMillis) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("start_epoch_ms", startEpochMillis);
        n.put("pid", ProcessHandle.current().pid());
        write(runDir.resolve(RECORDING), n.toString());
    }

    /** Writes {@value #END} and removes {@value #RECORDING}. */
    public void markEnded(Path runDir) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("end_epoch_ms", endEpochMillis);
        n.put("dropped_after_close", droppedAfterClose);
        n.put("request_records", requestRecords);
        n.put("request_records_dropped", requestRecordsDropped);
        n.put("error_samples", errorSamples);
        write(runDir.resolve(END), n.toString());
        try {
            Files.deleteIfExists(runDir.resolve(RECORDING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + runDir.resolve(RECORDING), e);
        }
    }

    /** The end marker, when the recording was closed. */
    public static Optional<RunEnd> read(Path runDir) {
        try {
            JsonNode n = MAPPER.readTree(Files.readString(runDir.resolve(END)));
            return Optional.of(
                    new RunEnd(
                            n.path("end_epoch_ms").asLong(),
                            n.path("dropped_after_close").asLong(),
                            n.path("request_records").asLong(-1),
                            n.path("request_records_dropped").asLong(-1),
                            n.path("error_samples").asLong()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runDir.resolve(END), e);
        }
    }

    /** True when the recording started here and never closed. */
    public static boolean incomplete(Path runDir) {
        return Files.exists(runDir.resolve(RECORDING)) && !Files.exists(runDir.resolve(END));
    }

    private static void write(Path file, String text) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text + "\n");
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
