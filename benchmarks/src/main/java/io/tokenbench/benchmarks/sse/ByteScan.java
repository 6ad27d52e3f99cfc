package io.tokenbench.benchmarks.sse;

/** Searching ASCII needles in byte ranges: the whole "parser" of the lean clients. */
public final class ByteScan {

    private ByteScan() {}

    /** The first index of {@code needle} in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, int from, int to, byte[] needle) {
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
