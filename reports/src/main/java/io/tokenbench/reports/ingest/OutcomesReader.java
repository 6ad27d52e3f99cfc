package io.tokenbench.reports.ingest;

import io.tokenbench.reports.record.OutcomesJson;
import io.tokenbench.reports.record.OutcomesLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code outcomes.jsonl} strictly: a bad line is an error naming file and line. */
public final class OutcomesReader {

    private OutcomesReader() {}

    public static List<OutcomesLine> read(Path file) {
        List<OutcomesLine> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(OutcomesJson.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(file + " line " + no + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
