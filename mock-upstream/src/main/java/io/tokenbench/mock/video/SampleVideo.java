package io.tokenbench.mock.video;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bytes every completed job downloads: a 2-second 160x90 H.264 MP4 (3.4 KB), made once with
 * {@code ffmpeg -f lavfi -i testsrc=size=160x90:rate=8:duration=2 -c:v libx264 -pix_fmt yuv420p
 * -preset veryslow -crf 40 -movflags +faststart -an sample.mp4} and shipped as a resource.
 */
final class SampleVideo {

    static final String RESOURCE = "/io/tokenbench/mock/video/sample.mp4";
    static final byte[] MP4 = load();

    private SampleVideo() {}

    private static byte[] load() {
        try (InputStream in = SampleVideo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
