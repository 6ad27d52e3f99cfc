package io.tokenbench.simulations.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the user adds to every request body: a template object ({@code --body-template FILE}),
 * fields ({@code --body-field key=JSON}, later ones win), and the output length per request ({@code
 * --output-tokens DIST}, with {@code min_tokens} and {@code ignore_eos} when {@code
 * --output-tokens-exact}). Precedence, lowest first: tokenbench's own fields, the template, the
 * fields; the prompt, {@code model}, {@code stream} and the max-tokens field always come from their
 * own options.
 *
 * @param fieldsJson field name to JSON text (a value that is not JSON was stored as a JSON string)
 * @param templateJson a JSON object's text, or empty
 * @param outputTokens the max-tokens value drawn per request, or empty: {@code --max-tokens}
 * @param exactOutput also send {@code min_tokens} = max tokens and {@code ignore_eos: true}
 */
public record BodyShape(
        Map<String, String> fieldsJson,
        Optional<String> templateJson,
        Optional<IntDistribution> outputTokens,
        boolean exactOutput) {
    public static final BodyShape DEFAULT =
            new BodyShape(Map.of(), Optional.empty(), Optional.empty(), false);

    /** Fields set by their own options: a template or --body-field may not set them. */
    static final Set<String> OWNED =
            Set.of(
                    "model",
                    "stream",
                    "messages",
                    "prompt",
                    "input",
                    "max_tokens",
                    "max_output_tokens",
                    "max_completion_tokens");

    private static final ObjectMapper JSON = new ObjectMapper();

    public BodyShape {
        fieldsJson = Map.copyOf(fieldsJson);
        for (String key : fieldsJson.keySet()) {
            requireFree(key, "--body-field");
        }
        templateJson.ifPresent(
                t -> {
                    JsonNode node = readJson(t, "--body-template");
                    if (!node.isObject()) {
                        throw new IllegalArgumentException("--body-template: not a JSON object");
                    }
                    node.fieldNames().forEachRemaining(k -> requireFree(k, "--body-template"));
                });
    }

    /**
     * {@code key=JSON}, {@code key=@file.json} (the file's JSON) or {@code key=text} (not JSON:
     * sent as a string, as AIPerf's {@code --extra-inputs} does).
     */
    public static Map.Entry<String, String> parseField(String text) {
        int eq = text.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException(
                    "--body-field: '" + text + "' is not key=JSON (or key=@file.json)");
        }
        String key = text.substring(0, eq).strip();
        String raw = text.substring(eq + 1);
        String json;
        if (raw.startsWith("@")) {
            json =
                    readJson(read(Path.of(raw.substring(1)), "--body-field"), "--body-field " + key)
                            .toString();
        } else {
            JsonNode node;
            try {
                node = JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                node = null;
            }
            json =
                    node == null || node.isMissingNode()
                            ? TextNode.valueOf(raw).toString()
                            : node.toString();
        }
        return Map.entry(key, json);
    }

    /** The template file's text, checked to be a JSON object by the constructor. */
    public static String readTemplate(Path file) {
        return read(file, "--body-template");
    }

    public Map<String, String> fieldsInOrder() {
        return new LinkedHashMap<>(fieldsJson);
    }

    /** For run.json: the field names, the template's, the output-length rule. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!fieldsJson.isEmpty()) {
            b.append("fields ").append(new java.util.TreeSet<>(fieldsJson.keySet()));
        }
        templateJson.ifPresent(
                t -> {
                    java.util.List<String> keys = new java.util.ArrayList<>();
                    readJson(t, "--body-template").fieldNames().forEachRemaining(keys::add);
                    b.append(b.isEmpty() ? "" : "; ").append("template ").append(keys);
                });
        return b.toString();
    }

    private static void requireFree(String key, String option) {
        if (OWNED.contains(key)) {
            throw new IllegalArgumentException(
                    option
                            + ": '"
                            + key
                            + "' is set by tokenbench (use --model, --stream, --prompts, --max-tokens"
                            + " or --output-tokens)");
        }
    }

    private static JsonNode readJson(String text, String option) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(option + ": empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    option + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(option + ": cannot read " + file, e);
        }
    }
}
