package io.tokenbench.reports.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code errors.jsonl} line format:
 *
 * <pre>
 * {"t_ms":1764359000512,"class":"chat","outcome":"http_4xx","status":401,"injector":"0",
 * "headers":{"x-request-id":"req_42"},"body":"{\"error\":{\"message\":\"bad key [redacted]\"}}",
 * "body_bytes":52,"body_truncated":false}
 * </pre>
 */
public final class ErrorSampleJson {

    public static final String FILE = "errors.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorSampleJson() {}

    public static String toJson(ErrorSample s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("t_ms", s.epochMillis());
        n.put("class", s.endpoint().wireName());
        n.put("outcome", s.outcome().wireName());
        n.put("status", s.status());
        n.put("injector", s.injector());
        ObjectNode h = n.putObject("headers");
        new TreeMap<>(s.headers()).forEach(h::put);
        n.put("body", s.body());
        n.put("body_bytes", s.bodyBytes());
        n.put("body_truncated", s.bodyTruncated());
        return n.toString();
    }

    /**
     * @throws IllegalArgumentException naming the bad field
     */
    public static ErrorSample parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String cls = n.path("class").asText();
        String outcome = n.path("outcome").asText();
        Map<String, String> headers = new TreeMap<>();
        n.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new ErrorSample(
                n.path("t_ms").asLong(),
                EndpointClass.fromWireName(cls)
                        .orElseThrow(
                                () -> new IllegalArgumentException("unknown class '" + cls + "'")),
                Outcome.fromWireName(outcome)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown outcome '" + outcome + "'")),
                n.path("status").asInt(),
                n.path("injector").asText("0"),
                headers,
                n.path("body").asText(""),
                n.path("body_bytes").asLong(),
                n.path("body_truncated").asBoolean());
    }

    /**
     * Every sample of a run folder, in file order; empty when the folder has no {@value #FILE}. A
     * partial last line (a killed run) is skipped.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed sample
     */
    public static List<ErrorSample> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<ErrorSample> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(parse(line));
            } catch (IllegalArgumentException e) {
                if (i == lines.size() - 1) {
                    break; // cut by a kill
                }
                throw new IllegalArgumentException(
                        file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
