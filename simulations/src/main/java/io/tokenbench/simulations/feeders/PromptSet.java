package io.tokenbench.simulations.feeders;

import io.tokenbench.simulations.config.InjectorShare;
import io.tokenbench.simulations.config.PromptSpec;
import io.tokenbench.simulations.config.Tokenizer;
import io.tokenbench.simulations.config.TraceRequests;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * The input of request {@code i} ({@link PromptItem}): from the bundled set ({@code
 * prompts/chat-prompts.txt}), a file (one prompt per non-blank line), a dataset ({@link Datasets}),
 * or synthetic words of a drawn length in tokens of the chosen {@link Tokenizer}, a share of them
 * after a shared system prompt. Deterministic in {@code (seed, i)}, so two targets or two runs get
 * the same prompt sequence. Thread-safe.
 */
public final class PromptSet {
    static final String BUNDLED = "/prompts/chat-prompts.txt";

    private final PromptSpec spec;
    private final List<PromptItem> fixed;
    private final long seed;
    private final InjectorShare share;
    private final Tokenizer tokenizer;
    private final Optional<String> prefix;
    private final TraceRequests trace;
    private List<Session> sessions = List.of();

    private PromptSet(
            PromptSpec spec,
            List<PromptItem> fixed,
            long seed,
            InjectorShare share,
            Tokenizer tokenizer,
            Optional<String> prefix) {
        this(spec, fixed, seed, share, tokenizer, prefix, null);
    }

    private PromptSet(
            PromptSpec spec,
            List<PromptItem> fixed,
            long seed,
            InjectorShare share,
            Tokenizer tokenizer,
            Optional<String> prefix,
            TraceRequests trace) {
        this.trace = trace;
        this.spec = spec;
        this.fixed = fixed;
        this.seed = seed;
        this.share = share;
        this.tokenizer = tokenizer;
        this.prefix = prefix;
    }

    private PromptSet(PromptSpec spec, List<PromptItem> fixed, long seed, Tokenizer tokenizer) {
        this(spec, fixed, seed, InjectorShare.SINGLE, tokenizer, Optional.empty());
    }

    /**
     * The prompts of one injector's share: its request {@code i} gets the full sequence's prompt
     * {@code share.globalIndex(i)}, so the injectors' prompt sequences are disjoint slices of one
     * sequence.
     */
    public PromptSet share(InjectorShare s) {
        PromptSet set = new PromptSet(spec, fixed, seed, s, tokenizer, prefix, trace);
        set.sessions = sessions;
        return set;
    }

    /** The think time of sessions, else zero. */
    public java.time.Duration thinkTime() {
        return spec instanceof PromptSpec.Sessions m ? m.thinkTime() : java.time.Duration.ZERO;
    }

    /** The session request {@code i} starts ({@code --prompts sessions:FILE}), else empty. */
    public Optional<Session> session(long i) {
        return sessions.isEmpty() ? Optional.empty() : Optional.of(sessions.get(fixedIndex(i)));
    }

    /**
     * The prompts of a trace replay: arrival {@code i} gets a synthetic prompt of the trace's input
     * length in {@code tokenizer}'s tokens and asks for its output length. With {@code hash_ids},
     * each id is a 512-token block of text drawn from the id alone, so arrivals sharing ids share
     * that prefix exactly (the last block is cut to the input length).
     */
    public static PromptSet trace(TraceRequests trace, Tokenizer tokenizer, long seed) {
        return new PromptSet(
                new PromptSpec.Bundled(),
                List.of(),
                seed,
                InjectorShare.SINGLE,
                tokenizer,
                Optional.empty(),
                trace);
    }

    public static PromptSet load(PromptSpec spec, long seed) {
        if (spec instanceof PromptSpec.Bundled) {
            try (InputStream in = PromptSet.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "bundled prompt set " + BUNDLED + " missing from the jar");
                }
                return new PromptSet(
                        spec,
                        users(lines(new String(in.readAllBytes(), StandardCharsets.UTF_8))),
                        seed,
                        Tokenizer.of(Tokenizer.WORDS));
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
                return new PromptSet(spec, users(prompts), seed, Tokenizer.of(Tokenizer.WORDS));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "--prompts: cannot read " + f.file() + ": " + e.getMessage(), e);
            }
        }
        try {
            if (spec instanceof PromptSpec.Messages m) {
                return new PromptSet(
                        spec,
                        Datasets.messagesJsonl(m.file()),
                        seed,
                        Tokenizer.of(Tokenizer.WORDS));
            }
            if (spec instanceof PromptSpec.Sessions m) {
                List<Session> sessions = Datasets.sessions(m.file());
                PromptSet set =
                        new PromptSet(
                                spec,
                                sessions.stream().map(Session::firstItem).toList(),
                                seed,
                                Tokenizer.of(Tokenizer.WORDS));
                set.sessions = sessions;
                return set;
            }
            if (spec instanceof PromptSpec.ShareGpt g) {
                Tokenizer t = Tokenizer.of(g.tokenizer());
                return new PromptSet(spec, Datasets.shareGpt(g.file(), t), seed, t);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--prompts: " + e.getMessage(), e);
        }
        PromptSpec.Synthetic s = (PromptSpec.Synthetic) spec;
        Tokenizer t = Tokenizer.of(s.tokenizer());
        Optional<String> prefix =
                s.prefixTokens() > 0
                        ? Optional.of(words(t, s.prefixTokens(), new SplittableRandom(~seed)))
                        : Optional.empty();
        return new PromptSet(spec, List.of(), seed, InjectorShare.SINGLE, t, prefix);
    }

    /** The input of request {@code i}. */
    public PromptItem item(long i) {
        if (trace != null) {
            return traced(i);
        }
        return spec instanceof PromptSpec.Synthetic ? synthetic(i) : fixed.get(fixedIndex(i));
    }

    /** The output length request {@code i}'s source asks for (dataset line, trace), else empty. */
    public OptionalInt outputTokens(long i) {
        if (trace != null) {
            return OptionalInt.of(trace.row(traceRow(i)).outputTokens());
        }
        return isFixed() ? item(i).maxTokens() : OptionalInt.empty();
    }

    private int traceRow(long i) {
        return (int) share.globalIndex(i);
    }

    private PromptItem traced(long i) {
        TraceRequests.Row row = trace.row(traceRow(i));
        StringBuilder text = new StringBuilder();
        if (row.hashIds().isEmpty()) {
            text.append(words(tokenizer, row.inputTokens(), random(i)));
        } else {
            int left = row.inputTokens();
            for (long id : row.hashIds()) {
                int n = Math.min(left, TraceRequests.BLOCK_TOKENS);
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(
                        words(
                                tokenizer,
                                n,
                                new SplittableRandom(seed ^ (id * 0x9E3779B97F4A7C15L))));
                left -= n;
            }
        }
        return new PromptItem(
                Optional.empty(),
                List.of(new PromptItem.Message("user", text.toString())),
                OptionalInt.of(row.outputTokens()));
    }

    /** The prompt text of request {@code i} (its last message). */
    public String prompt(long i) {
        return item(i).lastText();
    }

    /** Which fixed prompt request {@code i} uses (fixed sets only). */
    public int fixedIndex(long i) {
        return random(i).nextInt(fixed.size());
    }

    /** True when prompts come from a finite list, so bodies can be built once per prompt. */
    public boolean isFixed() {
        return trace == null && !(spec instanceof PromptSpec.Synthetic);
    }

    /** The tokenizer that counted synthetic lengths and dataset output lengths. */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** The shared system prompt of synthetic prompts, if any. */
    public Optional<String> sharedPrefix() {
        return prefix;
    }

    private SplittableRandom random(long i) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + share.globalIndex(i));
    }

    private PromptItem synthetic(long i) {
        SplittableRandom random = random(i);
        PromptSpec.Synthetic s = (PromptSpec.Synthetic) spec;
        int tokens = s.inputTokens().sample(random);
        String text = words(tokenizer, tokens, random);
        boolean withPrefix = prefix.isPresent() && random.nextDouble() < s.prefixShare();
        return new PromptItem(
                withPrefix ? prefix : Optional.empty(),
                List.of(new PromptItem.Message("user", text)),
                OptionalInt.empty());
    }

    /** {@code tokens} words that are one token each: exactly {@code tokens} tokens. */
    static String words(Tokenizer t, int tokens, SplittableRandom random) {
        List<String> vocabulary = t.words();
        StringBuilder b = new StringBuilder(tokens * 8);
        for (int w = 0; w < tokens; w++) {
            if (w > 0) {
                b.append(' ');
            }
            b.append(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return b.toString();
    }

    /** Number of distinct fixed prompts (0 for synthetic). */
    public int fixedCount() {
        return fixed.size();
    }

    private static List<PromptItem> users(List<String> prompts) {
        return prompts.stream().map(PromptItem::user).toList();
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
