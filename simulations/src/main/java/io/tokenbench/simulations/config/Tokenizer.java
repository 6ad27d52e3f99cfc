package io.tokenbench.simulations.config;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts tokens of synthetic prompts ({@code --tokenizer}): {@code words} (the mock's rule: one
 * token per whitespace-separated word) or an OpenAI tiktoken encoding by name ({@code cl100k_base},
 * {@code o200k_base}, {@code p50k_base}, {@code r50k_base}) or by model ({@code gpt-4o}), counted
 * by jtokkit (pure Java, offline). A Hugging Face {@code tokenizer.json} is refused: no pure-Java
 * reader of it is available (DJL's needs native libraries).
 *
 * <p>Synthetic prompts are built from {@link #words()}, words that are one token each with a
 * leading space (and alone); the BPE pre-tokenizer splits text at spaces, so a prompt of N such
 * words is N tokens. Thread-safe.
 */
public final class Tokenizer {
    public static final String WORDS = "words";

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final String[] CANDIDATES =
            ("the of and to in is for on with as at by from this that are be it or an was not have"
                            + " has can will more time data model token benchmark latency gateway"
                            + " stream request response queue budget credit limit server client"
                            + " event usage window rate load test run work day year people way"
                            + " new first last long great little own other old right big high"
                            + " small large next early young important few public bad same able")
                    .split(" ");

    private final String name;
    private final Optional<Encoding> encoding;
    private final List<String> words;

    private Tokenizer(String name, Optional<Encoding> encoding, List<String> words) {
        this.name = name;
        this.encoding = encoding;
        this.words = words;
    }

    /** {@code words}, an encoding or model name; anything else throws naming the choices. */
    public static Tokenizer of(String spec) {
        if (spec.equals(WORDS)) {
            return new Tokenizer(WORDS, Optional.empty(), List.of(CANDIDATES));
        }
        if (spec.endsWith(".json") || spec.startsWith("hf:")) {
            throw new IllegalArgumentException(
                    "'"
                            + spec
                            + "': a Hugging Face tokenizer.json cannot be read offline in pure Java"
                            + " (DJL's reader needs native libraries); use words or a tiktoken"
                            + " encoding");
        }
        Optional<Encoding> e = REGISTRY.getEncoding(spec);
        if (e.isEmpty()) {
            e = REGISTRY.getEncodingForModel(spec);
        }
        if (e.isEmpty()) {
            throw new IllegalArgumentException(
                    "'"
                            + spec
                            + "' is not words, a tiktoken encoding (cl100k_base, o200k_base,"
                            + " p50k_base, r50k_base) or an OpenAI model name");
        }
        Encoding enc = e.get();
        List<String> single = new ArrayList<>();
        for (String w : CANDIDATES) {
            if (enc.countTokensOrdinary(w) == 1 && enc.countTokensOrdinary(" " + w) == 1) {
                single.add(w);
            }
        }
        if (single.size() < 8) {
            throw new IllegalArgumentException(
                    "'" + spec + "': too few single-token words for synthetic prompts");
        }
        return new Tokenizer(enc.getName(), e, List.copyOf(single));
    }

    /** The name written to run.json: {@code words} or the encoding's name. */
    public String name() {
        return name;
    }

    /** Tokens of {@code text}. */
    public int count(String text) {
        if (encoding.isPresent()) {
            return encoding.get().countTokensOrdinary(text);
        }
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }

    /** Words that are one token each, alone and after a space. */
    public List<String> words() {
        return words;
    }
}
