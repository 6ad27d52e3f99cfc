package io.tokenbench.mock.openai;

import java.util.SplittableRandom;

/**
 * Ids for one request, drawn from a seeded stream so a fixed seed gives fixed ids: {@code
 * x-request-id} ({@code req_} + 32 hex), completion ids ({@code chatcmpl-} + 29 base62), tool call
 * ids ({@code call_} + 24 base62) and the ids of the other text APIs. Not thread-safe.
 */
public final class IdSource {

    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private final SplittableRandom random;

    public IdSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public String requestId() {
        char[] chars = new char[4 + 32];
        "req_".getChars(0, 4, chars, 0);
        hex(random.nextLong(), chars, 4);
        hex(random.nextLong(), chars, 20);
        return new String(chars);
    }

    private static void hex(long value, char[] into, int at) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    public String completionId() {
        return "chatcmpl-" + base62(29);
    }

    /** A legacy completion id: {@code cmpl-} + 29 base62. */
    public String textCompletionId() {
        return "cmpl-" + base62(29);
    }

    /** A Responses API response id: {@code resp_} + 48 hex. */
    public String responseId() {
        return "resp_" + hex48();
    }

    /** A Responses API output message id: {@code msg_} + 48 hex. */
    public String messageId() {
        return "msg_" + hex48();
    }

    private String hex48() {
        char[] chars = new char[48];
        hex(random.nextLong(), chars, 0);
        hex(random.nextLong(), chars, 16);
        hex(random.nextLong(), chars, 32);
        return new String(chars);
    }

    public String toolCallId() {
        return "call_" + base62(24);
    }

    /** Ten base62 digits per random long (62^10 < 2^63), so few draws per id. */
    private String base62(int length) {
        char[] chars = new char[length];
        long bits = 0;
        for (int i = 0; i < length; i++) {
            if (i % 10 == 0) {
                bits = random.nextLong() >>> 1;
            }
            chars[i] = BASE62[(int) (bits % 62)];
            bits /= 62;
        }
        return new String(chars);
    }
}
