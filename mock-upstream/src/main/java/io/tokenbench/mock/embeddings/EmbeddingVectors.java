package io.tokenbench.mock.embeddings;

import io.tokenbench.mock.behavior.RequestSeed;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic embedding vectors: the full-size vector of a text is a Gaussian draw seeded by the
 * server seed and a 64-bit hash of the text, normalised to unit length; {@code dimensions} keeps
 * its first components and normalises again (so a shortened vector is a prefix direction of the
 * full one, as with text-embedding-3). Same text and seed, same vector, on every server.
 */
public final class EmbeddingVectors {

    private EmbeddingVectors() {}

    public static float[] of(String text, long serverSeed, int fullDimensions, int dimensions) {
        SplittableRandom random = new SplittableRandom(RequestSeed.mix(serverSeed ^ hash(text)));
        double[] full = new double[fullDimensions];
        for (int i = 0; i < fullDimensions; i++) {
            full[i] =
                    random.nextDouble(-1.0, 1.0)
                            + random.nextDouble(-1.0, 1.0)
                            + random.nextDouble(-1.0, 1.0);
        }
        double norm = 0;
        for (int i = 0; i < dimensions; i++) {
            norm += full[i] * full[i];
        }
        double scale = norm == 0 ? 0 : 1.0 / Math.sqrt(norm);
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (full[i] * scale);
        }
        return vector;
    }

    /** FNV-1a over the UTF-8 bytes, mixed. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return RequestSeed.mix(h);
    }
}
