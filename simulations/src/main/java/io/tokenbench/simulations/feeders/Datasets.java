package io.tokenbench.simulations.feeders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.config.Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Readers of prompt datasets into {@link PromptItem}s. Every failure is an {@link
 * IllegalArgumentException} naming the file and line (or entry).
 *
 * <ul>
 *   <li>{@link #messagesJsonl}: one request per line, an OpenAI {@code messages} array, or an
 *       object {@code {"messages": [...], "max_tokens": N}};
 *   <li>{@link #shareGpt}: a ShareGPT JSON array ({@code conversations} of {@code human}/{@code
 *       gpt} turns): as {@code vllm bench serve} and AIPerf read it, the first turn is the prompt
 *       and the second turn's length in tokens is the output length; entries with fewer than two
 *       turns are skipped.
 * </ul>
 */
public final class Datasets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {}

    public static List<PromptItem> messagesJsonl(Path file) {
        List<String> lines = readLines(file);
        List<PromptItem> items = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (n + 1);
            JsonNode node = parse(line, where);
            JsonNode messages = node.isArray() ? node : node.path("messages");
            if (!messages.isArray() || messages.isEmpty()) {
                throw new IllegalArgumentException(where + ": no messages array");
            }
            List<PromptItem.Message> list = new ArrayList<>();
            Optional<String> system = Optional.empty();
            for (JsonNode m : messages) {
                String role = m.path("role").asText("");
                String content = content(m.path("content"), where);
                try {
                    if (list.isEmpty() && system.isEmpty() && role.equals("system")) {
                        system = Optional.of(content);
                    } else {
                        list.add(new PromptItem.Message(role, content));
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
                }
            }
            OptionalInt max = OptionalInt.empty();
            JsonNode mt = node.isObject() ? node.path("max_tokens") : null;
            if (mt != null && !mt.isMissingNode()) {
                if (!mt.canConvertToInt() || mt.asInt() < 1) {
                    throw new IllegalArgumentException(where + ": max_tokens must be >= 1");
                }
                max = OptionalInt.of(mt.asInt());
            }
            if (list.isEmpty()) {
                throw new IllegalArgumentException(where + ": only a system message");
            }
            items.add(new PromptItem(system, list, max));
        }
        return requireSome(items, file);
    }

    public static List<PromptItem> shareGpt(Path file, Tokenizer tokenizer) {
        JsonNode root = parse(read(file), file.toString());
        if (!root.isArray()) {
            throw new IllegalArgumentException(file + ": not a ShareGPT JSON array");
        }
        List<PromptItem> items = new ArrayList<>();
        for (JsonNode entry : root) {
            JsonNode turns = entry.path("conversations");
            if (!turns.isArray() || turns.size() < 2) {
                continue;
            }
            String prompt = turns.get(0).path("value").asText("");
            String answer = turns.get(1).path("value").asText("");
            if (prompt.isBlank()) {
                continue;
            }
            items.add(
                    new PromptItem(
                            Optional.empty(),
                            List.of(new PromptItem.Message("user", prompt)),
                            OptionalInt.of(Math.max(1, tokenizer.count(answer)))));
        }
        return requireSome(items, file);
    }

    /**
     * Multi-turn sessions: a ShareGPT JSON array (the {@code human} turns of each conversation; the
     * {@code gpt} turns are replaced by live answers), or JSONL, one session per line: {@code
     * {"system": "...", "turns": ["first", "second", ...]}} ({@code system} optional).
     */
    public static List<Session> sessions(Path file) {
        String text = read(file);
        List<Session> sessions = new ArrayList<>();
        if (text.stripLeading().startsWith("[")) {
            for (JsonNode entry : parse(text, file.toString())) {
                List<String> turns = new ArrayList<>();
                for (JsonNode t : entry.path("conversations")) {
                    String from = t.path("from").asText("");
                    if (from.equals("human") || from.equals("user")) {
                        turns.add(t.path("value").asText(""));
                    }
                }
                if (!turns.isEmpty()) {
                    sessions.add(new Session(Optional.empty(), turns));
                }
            }
            return requireSessions(sessions, file);
        }
        List<String> lines = text.lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + " line " + (n + 1);
            JsonNode node = parse(line, where);
            JsonNode turns = node.path("turns");
            if (!turns.isArray() || turns.isEmpty()) {
                throw new IllegalArgumentException(where + ": no turns array");
            }
            List<String> list = new ArrayList<>();
            for (JsonNode t : turns) {
                if (!t.isTextual()) {
                    throw new IllegalArgumentException(where + ": a turn is not a string");
                }
                list.add(t.asText());
            }
            JsonNode system = node.path("system");
            sessions.add(
                    new Session(
                            system.isTextual() ? Optional.of(system.asText()) : Optional.empty(),
                            list));
        }
        return requireSessions(sessions, file);
    }

    private static List<Session> requireSessions(List<Session> sessions, Path file) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException(file + " has no sessions");
        }
        return List.copyOf(sessions);
    }

    private static String content(JsonNode c, String where) {
        if (c.isTextual()) {
            return c.asText();
        }
        if (c.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode part : c) {
                b.append(part.path("text").asText(""));
            }
            return b.toString();
        }
        throw new IllegalArgumentException(where + ": a message without text content");
    }

    private static List<PromptItem> requireSome(List<PromptItem> items, Path file) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(file + " has no usable prompts");
        }
        return List.copyOf(items);
    }

    private static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    where + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static List<String> readLines(Path file) {
        return read(file).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
