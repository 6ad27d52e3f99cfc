package io.tokenbench.mock.images;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Encoded gradients by size and one of {@value #VARIANTS} blue levels, so the event loop encodes
 * each (size, variant) once (a 1024x1024 image takes about 6 ms to encode). Bounded by
 * construction: at most {@code supported sizes x VARIANTS} entries (128, under 8 MB). Thread-safe;
 * callers must not modify the returned arrays.
 */
final class PngCache {

    static final int VARIANTS = 16;
    private final ConcurrentMap<Long, byte[]> images = new ConcurrentHashMap<>();

    /** The PNG of {@code size} whose blue level is {@code 17 * (seed mod VARIANTS)}. */
    byte[] png(ImageSize size, long seed) {
        int variant = (int) Math.floorMod(seed, (long) VARIANTS);
        long key = ((long) size.width() << 40) | ((long) size.height() << 8) | variant;
        return images.computeIfAbsent(
                key, k -> PngEncoder.gradient(size.width(), size.height(), variant * 17L));
    }
}
