package io.tokenbench.mock.behavior;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The words the emulated model writes: one token is one word from a fixed ASCII vocabulary (no JSON
 * escaping needed), preceded by a space except for the first token of a choice. Words are
 * pre-encoded once.
 */
public final class TokenText {

    private static final String[] WORDS =
            ("the of and to in is that for it as with was on be by this are at from or an have not "
                            + "latency token stream model upstream gateway request response queue budget credit limit "
                            + "throughput percentile benchmark mock server client event chunk usage window rate load "
                            + "steady burst warm cold fast slow quiet clear simple exact measured bounded honest small")
                    .split(" ");
    private static final byte[][] FIRST = new byte[WORDS.length][];
    private static final byte[][] NEXT = new byte[WORDS.length][];

    static {
        for (int i = 0; i < WORDS.length; i++) {
            FIRST[i] = WORDS[i].getBytes(StandardCharsets.US_ASCII);
            NEXT[i] = (" " + WORDS[i]).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private TokenText() {}

    /** Picks a word index for the next token. */
    public static int nextWord(SplittableRandom random) {
        return random.nextInt(WORDS.length);
    }

    /** The bytes of token {@code word}, {@code first} when it opens the choice's text. */
    public static byte[] bytes(int word, boolean first) {
        return first ? FIRST[word] : NEXT[word];
    }

    public static int vocabularySize() {
        return WORDS.length;
    }
}
