package io.tokenbench.benchmarks.client;

import io.tokenbench.benchmarks.sse.ByteScan;
import java.nio.charset.StandardCharsets;

/**
 * Finds {@code "completion_tokens":N} in a non-streamed answer without a JSON parser (the lean
 * clients' way).
 */
final class UsageScan {

    private static final byte[] FIELD =
            "\"completion_tokens\":".getBytes(StandardCharsets.US_ASCII);

    private UsageScan() {}

    /** The completion tokens of {@code body}; {@link ChatFailure} when the field is missing. */
    static long completionTokens(byte[] body, int length) {
        int at = ByteScan.indexOf(body, 0, length, FIELD);
        if (at < 0) {
            throw new ChatFailure("answer has no usage.completion_tokens");
        }
        int i = at + FIELD.length;
        while (i < length && body[i] == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < length && body[i] >= '0' && body[i] <= '9'; i++, digits++) {
            value = value * 10 + (body[i] - '0');
        }
        if (digits == 0) {
            throw new ChatFailure("usage.completion_tokens is not a number");
        }
        return value;
    }
}
