package io.tokenbench.reports.ingest;

import io.tokenbench.reports.model.RunData;
import io.tokenbench.reports.model.RunSummary;
import io.tokenbench.reports.model.SummaryBuilder;
import io.tokenbench.reports.model.SummaryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a command-line path to a run: a run folder, a JMH {@code -rf json} file, or (for compare
 * only) a {@code summary.json}.
 */
public final class RunSource {

    private RunSource() {}

    /** A run folder or a JMH result file, with its data. */
    public static RunData load(Path path, boolean withBlocks) {
        if (Files.isDirectory(path)) {
            return RunLoader.load(path, withBlocks);
        }
        if (!Files.exists(path)) {
            throw new BadInputException(path + " does not exist");
        }
        if (path.getFileName().toString().equals("summary.json")) {
            throw new BadInputException(
                    path
                            + " is a summary; this command needs the run folder ("
                            + path.getParent()
                            + ")");
        }
        return JmhJsonReader.read(path);
    }

    /** A summary from a run folder, a JMH file or a summary.json. */
    public static RunSummary summary(Path path) {
        if (Files.isRegularFile(path) && path.getFileName().toString().equals("summary.json")) {
            try {
                return SummaryJson.parse(Files.readString(path));
            } catch (IOException e) {
                throw new BadInputException("cannot read " + path + ": " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(path + ": " + e.getMessage(), e);
            }
        }
        return SummaryBuilder.build(load(path, false));
    }
}
