package io.tokenbench.simulations.feeders;

import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.PromptSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The prompt text of request {@code i}: from the bundled set ({@code prompts/chat-prompts.txt}), a
 * file (one prompt per non-blank line), or synthetic words of a drawn length. Deterministic in
 * {@code (seed, i)}, so two targets or two runs get the same prompt sequence. Thread-safe.
 */
public final class PromptSet {
    static final String BUNDLED = "/prompts/chat-prompts.txt";
    private static final String[] WORDS =
            ("benchmark latency gateway stream token model request response "
                            + "queue budget credit limit throughput percentile server client event usage window rate load")
                    .split(" ");

    private final PromptSpec spec;
    private final List<String> fixed;
    private final long seed;
    private final InjectorShare share;

    private PromptSet(PromptSpec spec, List<String> fixed, long seed, InjectorShare share) {
        this.spec = spec;
        this.fixed = fixed;
        this.seed = seed;
        this.share = share;
    }

    private PromptSet(PromptSpec spec, List<String> fixed, long seed) {
        this(spec, fixed, seed, InjectorShare.SINGLE);
    }

    /**
     * The prompts of one injector's share: its request {@code i} gets the full sequence's prompt
     * {@code share.globalIndex(i)}, so the injectors' prompt sequences are disjoint slices of one
     * sequence.
     */
    public PromptSet share(InjectorShare s) {
        return new PromptSet(spec, fixed, seed, s);
    }

    public static PromptSet load(PromptSpec spec, long seed) {
        if (spec instanceof PromptSpec.Bundled) {
            try (InputStream in = PromptSet.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "bundled prompt set " + BUNDLED + " missing from the jar");
                }
                return new PromptSet(
                        spec, lines(new String(in.readAllBytes(), StandardCharsets.UTF_8)), seed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (spec instanceof PromptSpec.FromFile f) {
            try {
                List<String> prompts = lines(Files.readString(f.file(), StandardCharsets.UTF_8));
                if (prompts.isEmpty()) {
                    throw new IllegalArgumentException(
                            "--prompts: file " + f.file() + " has no prompts");
                }
                return new PromptSet(spec, prompts, seed);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "--prompts: cannot read " + f.file() + ": " + e.getMessage(), e);
            }
        }
        return new PromptSet(spec, List.of(), seed);
    }

    /** The prompt of request {@code i}. */
    public String prompt(long i) {
        return spec instanceof PromptSpec.Synthetic ? synthetic(i) : fixed.get(fixedIndex(i));
    }

    /** Which fixed prompt request {@code i} uses (fixed sets only). */
    public int fixedIndex(long i) {
        return random(i).nextInt(fixed.size());
    }

    /** True when prompts come from a finite list, so bodies can be built once per prompt. */
    public boolean isFixed() {
        return !(spec instanceof PromptSpec.Synthetic);
    }

    private SplittableRandom random(long i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + share.globalIndex(i));
    }

    private String synthetic(long i) {
        SplittableRandom random = random(i);
        if (spec instanceof PromptSpec.Synthetic s) {
            int words = s.inputTokens().sample(random);
            StringBuilder b = new StringBuilder(words * 8);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    b.append(' ');
                }
                b.append(WORDS[random.nextInt(WORDS.length)]);
            }
            return b.toString();
        }
        throw new IllegalStateException("not a synthetic prompt set");
    }

    /** Number of distinct fixed prompts (0 for synthetic). */
    public int fixedCount() {
        return fixed.size();
    }

    private static List<String> lines(String text) throws IOException {
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            return r.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }
}
