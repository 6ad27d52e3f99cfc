package io.tokenbench.simulations.keys.checks;

/**
 * One cell of the limit matrix.
 *
 * @param maxTokens the request's {@code max_tokens}, or null for none
 */
public record Cell(int concurrency, boolean stream, Integer maxTokens) {

    public Cell {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1");
        }
    }

    /** {@code c16-stream-max200}, {@code c1-json-nomax}. */
    public String id() {
        return "c"
                + concurrency
                + "-"
                + (stream ? "stream" : "json")
                + "-"
                + (maxTokens == null ? "nomax" : "max" + maxTokens);
    }
}
