package io.tokenbench.reports.enforcement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.reports.ingest.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a run folder's {@code enforcement.json} strictly: a file that is there but unusable is bad
 * input.
 */
public final class EnforcementReader {

    public static final String FILE = "enforcement.json";
    static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnforcementReader() {}

    /**
     * The folder's enforcement result, or empty when the folder has no {@code enforcement.json}.
     */
    public static Optional<EnforcementResult> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(JSON.readTree(file.toFile())));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    static EnforcementResult parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        int version = root.path("schema_version").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "schema_version "
                            + root.path("schema_version")
                            + " is not supported (expected "
                            + SCHEMA_VERSION
                            + ")");
        }
        JsonNode checks = root.path("checks");
        if (!checks.isArray()) {
            throw new IllegalArgumentException("'checks' must be an array");
        }
        List<EnforcementResult.Check> parsed = new ArrayList<>();
        for (JsonNode c : checks) {
            parsed.add(
                    new EnforcementResult.Check(
                            required(c, "name"),
                            c.path("measures").asText(""),
                            EnforcementResult.Verdict.parse(required(c, "verdict")),
                            c.path("summary").asText(""),
                            c.path("evidence")));
        }
        return new EnforcementResult(required(root, "result"), root.path("target"), parsed);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return value.asText();
    }
}
