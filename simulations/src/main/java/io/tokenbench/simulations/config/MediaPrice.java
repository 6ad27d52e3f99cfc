package io.tokenbench.simulations.config;

/**
 * A media model's Credit prices from the target's catalog ({@code GET /v1/models/{id}}, field
 * {@code pricing}): per million input tokens (embeddings), per image, per second of audio or video.
 * Costs are in micro-Credits (a millionth of a Credit), as the recorder counts them.
 */
public record MediaPrice(double inputPerMillion, double perImage, double perSecond) {
    /** Unpriced: media Credits are not reported. */
    public static final MediaPrice NONE = new MediaPrice(0, 0, 0);

    public MediaPrice {
        if (!(inputPerMillion >= 0) || !(perImage >= 0) || !(perSecond >= 0)) {
            throw new IllegalArgumentException("prices must be >= 0");
        }
    }

    /**
     * One micro-Credit per token per Credit-per-million; unknown (negative) counts cost nothing.
     */
    public long tokens(long promptTokens) {
        return Math.round(Math.max(0, promptTokens) * inputPerMillion);
    }

    public long images(int images) {
        return Math.round(Math.max(0, images) * perImage * 1e6);
    }

    public long seconds(double seconds) {
        return Math.round(Math.max(0, seconds) * perSecond * 1e6);
    }
}
