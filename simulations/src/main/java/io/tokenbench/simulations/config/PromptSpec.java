package io.tokenbench.simulations.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where prompts come from: the bundled set, a file (one prompt per line), or synthetic text. */
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
     * Synthetic prompts of a drawn length in tokens (the mock's rule: about one token per word).
     */
    record Synthetic(IntDistribution inputTokens) implements PromptSpec {
        @Override
        public String toString() {
            return "synthetic:" + inputTokens;
        }
    }

    /**
     * {@code bundled}, {@code synthetic} (lengths from {@code inputTokens}) or {@code file:PATH} (a
     * readable file); anything else throws an {@link IllegalArgumentException}.
     */
    static PromptSpec parse(String text, IntDistribution inputTokens) {
        if (text.equals("bundled")) {
            return new Bundled();
        }
        if (text.equals("synthetic")) {
            return new Synthetic(inputTokens);
        }
        if (text.startsWith("file:")) {
            Path file = Path.of(text.substring("file:".length()));
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read prompt file " + file);
            }
            return new FromFile(file);
        }
        throw new IllegalArgumentException("'" + text + "' is not bundled, synthetic or file:PATH");
    }
}
