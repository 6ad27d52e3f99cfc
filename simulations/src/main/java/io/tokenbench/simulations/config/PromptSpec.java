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

    static PromptSpec parse(String parameter, String text, IntDistribution inputTokens) {
        if (text.equals("bundled")) {
            return new Bundled();
        }
        if (text.equals("synthetic")) {
            return new Synthetic(inputTokens);
        }
        if (text.startsWith("file:")) {
            Path file = Path.of(text.substring("file:".length()));
            if (!Files.isReadable(file)) {
                throw new ParameterException(parameter, "cannot read prompt file " + file);
            }
            return new FromFile(file);
        }
        throw new ParameterException(
                parameter, "'" + text + "' is not bundled, synthetic or file:PATH");
    }
}
