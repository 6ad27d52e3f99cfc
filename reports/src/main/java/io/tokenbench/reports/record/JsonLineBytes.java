package io.tokenbench.reports.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that JSON lines are written into as UTF-8 without a String per line: the
 * request log writes one line per request ({@link RequestRecordJson#write}).
 *
 * <p>Not thread-safe: one per writer thread.
 */
final class JsonLineBytes {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] MIN_LONG =
            Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    JsonLineBytes(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** The bytes written so far are {@code array()[0, size())}. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** One ASCII character. */
    JsonLineBytes append(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
        return this;
    }

    JsonLineBytes append(byte[] utf8) {
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /**
     * The characters of {@code s} as UTF-8, as {@code s.getBytes(UTF_8)} (an unpaired surrogate
     * becomes {@code ?}); no JSON escaping.
     */
    JsonLineBytes appendText(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // not ASCII after all: encode the whole string over what was copied
                return append(s.getBytes(StandardCharsets.UTF_8));
            }
            bytes[size + i] = (byte) c;
        }
        size += n;
        return this;
    }

    /** {@code n} in decimal, as {@link Long#toString(long)}. */
    JsonLineBytes appendDecimal(long n) {
        if (n == Long.MIN_VALUE) {
            return append(MIN_LONG);
        }
        ensure(20);
        if (n < 0) {
            bytes[size++] = '-';
            n = -n;
        }
        int digits = 1;
        for (long rest = n / 10; rest != 0; rest /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        size += digits;
        return this;
    }

    JsonLineBytes appendNull() {
        return append(NULL);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
