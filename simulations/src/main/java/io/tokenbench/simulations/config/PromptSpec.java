package io.tokenbench.simulations.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where prompts come from: the bundled set, a file (one prompt per line), a JSONL file of OpenAI
 * {@code messages} arrays, a ShareGPT JSON file, or synthetic text.
 */
public sealed interface PromptSpec {

    record Bundled() implements PromptSpec {
        @Override
        public String toString() {
            return "bundled";
        }
    }

    record FromFile(Path file) implements PromptSpec {
        @Override
        public String toString() {
            return "file:" + file;
        }
    }

    /**
     * One request per line: a {@code messages} array or {@code {"messages":[...],"max_tokens":N}}.
     */
    record Messages(Path file) implements PromptSpec {
        @Override
        public String toString() {
            return "messages:" + file;
        }
    }

    /** ShareGPT JSON: first turn as prompt, second turn's length as output length. */
    record ShareGpt(Path file, String tokenizer) implements PromptSpec {
        @Override
        public String toString() {
            return "sharegpt:"
                    + file
                    + (tokenizer.equals("words") ? "" : ",tokenizer=" + tokenizer);
        }
    }

    /**
     * Multi-turn sessions: each turn is sent with the whole history, including the answers actually
     * received, {@code thinkTime} after the previous answer ended. One session is one arrival of an
     * open model (the later turns follow their answers, not the schedule) or one iteration of a
     * closed-model user.
     */
    record Sessions(Path file, Duration thinkTime) implements PromptSpec {
        public Sessions {
            if (thinkTime.isNegative()) {
                throw new IllegalArgumentException("--think-time: must be >= 0");
            }
        }

        @Override
        public String toString() {
            return "sessions:"
                    + file
                    + ",think="
                    + io.tokenbench.options.DurationGrammar.format(thinkTime);
        }
    }

    /**
     * Synthetic prompts of a drawn length in tokens, counted by {@code tokenizer} ({@code words}:
     * the mock's rule, one token per word). A share {@code prefixShare} of requests starts with the
     * same system prompt of {@code prefixTokens} tokens (0: none), to exercise prefix caching.
     */
    record Synthetic(
            IntDistribution inputTokens, int prefixTokens, double prefixShare, String tokenizer)
            implements PromptSpec {
        public Synthetic {
            if (prefixTokens < 0) {
                throw new IllegalArgumentException("--prefix-tokens: must be >= 0");
            }
            if (!(prefixShare >= 0 && prefixShare <= 1)) {
                throw new IllegalArgumentException(
                        "--prefix-share: must be between 0 and 1, got " + prefixShare);
            }
        }

        public Synthetic(IntDistribution inputTokens) {
            this(inputTokens, 0, 1.0, "words");
        }

        @Override
        public String toString() {
            return "synthetic:"
                    + inputTokens
                    + (prefixTokens > 0 ? ",prefix=" + prefixTokens + "x" + prefixShare : "")
                    + (tokenizer.equals("words") ? "" : ",tokenizer=" + tokenizer);
        }
    }

    /**
     * {@code bundled}, {@code synthetic} (lengths from {@code inputTokens}), {@code file:PATH},
     * {@code messages:PATH} or {@code sharegpt:PATH} (a readable file); anything else throws an
     * {@link IllegalArgumentException}.
     */
    static PromptSpec parse(String text, IntDistribution inputTokens) {
        if (text.equals("bundled")) {
            return new Bundled();
        }
        if (text.equals("synthetic")) {
            return new Synthetic(inputTokens);
        }
        int colon = text.indexOf(':');
        String kind = colon < 0 ? "" : text.substring(0, colon);
        if (kind.equals("file")
                || kind.equals("messages")
                || kind.equals("sharegpt")
                || kind.equals("sessions")) {
            Path file = Path.of(text.substring(colon + 1));
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read prompt file " + file);
            }
            return switch (kind) {
                case "file" -> new FromFile(file);
                case "messages" -> new Messages(file);
                case "sessions" -> new Sessions(file, Duration.ZERO);
                default -> new ShareGpt(file, "words");
            };
        }
        throw new IllegalArgumentException(
                "'"
                        + text
                        + "' is not bundled, synthetic, file:PATH, messages:PATH, sharegpt:PATH or"
                        + " sessions:PATH");
    }
}
