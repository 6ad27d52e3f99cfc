package io.tokenbench.mock.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * 16-bit signed little-endian mono PCM at {@value #SAMPLE_RATE} Hz (what OpenAI's {@code pcm}
 * format is), a canonical 44-byte WAV header around it, and reading the duration of an uploaded WAV
 * file.
 */
public final class WavAudio {

    public static final int SAMPLE_RATE = 24_000;
    public static final int HEADER_BYTES = 44;

    private WavAudio() {}

    /** Pitches of the generated tone: 200, 225, ... 600 Hz. */
    static final int PITCHES = 17;

    /**
     * One second of each pitch (whole cycles, since the pitches are whole hertz), built on first
     * use.
     */
    private static final AtomicReferenceArray<byte[]> SECONDS_BY_PITCH =
            new AtomicReferenceArray<>(PITCHES);

    /**
     * {@code seconds} of a quiet sine tone whose pitch (200..600 Hz in 25 Hz steps) follows {@code
     * seed}. Built by tiling a cached one-second buffer, so long inputs cost a memory copy, not a
     * sine per sample.
     */
    public static byte[] pcm(double seconds, long seed) {
        int samples = (int) Math.round(seconds * SAMPLE_RATE);
        byte[] second = oneSecond((int) Math.floorMod(seed, (long) PITCHES));
        byte[] out = new byte[samples * 2];
        for (int at = 0; at < out.length; at += second.length) {
            System.arraycopy(second, 0, out, at, Math.min(second.length, out.length - at));
        }
        return out;
    }

    private static byte[] oneSecond(int pitch) {
        byte[] cached = SECONDS_BY_PITCH.get(pitch);
        if (cached != null) {
            return cached;
        }
        double step = 2 * Math.PI * (200 + 25 * pitch) / SAMPLE_RATE;
        ByteBuffer out = ByteBuffer.allocate(SAMPLE_RATE * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < SAMPLE_RATE; i++) {
            out.putShort((short) (Math.sin(i * step) * 6000));
        }
        byte[] built = out.array();
        SECONDS_BY_PITCH.compareAndSet(pitch, null, built); // racing threads build identical bytes
        return built;
    }

    /** The PCM wrapped in a RIFF/WAVE container. */
    public static byte[] wav(byte[] pcm) {
        ByteBuffer out =
                ByteBuffer.allocate(HEADER_BYTES + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + pcm.length)
                .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(pcm.length)
                .put(pcm);
        return out.array();
    }

    /**
     * The duration of a RIFF/WAVE file from its {@code fmt } byte rate and {@code data} size
     * (walking the chunks), or empty when the bytes are not a readable WAV.
     */
    public static Optional<Double> durationSeconds(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (file.length < 12 || !tag(file, 0, "RIFF") || !tag(file, 8, "WAVE")) {
            return Optional.empty();
        }
        long byteRate = -1;
        // A long: a chunk size near 4 GiB must end the walk, not wrap the offset negative.
        long at = 12;
        while (at + 8 <= file.length) {
            int chunk = (int) at;
            long size = Integer.toUnsignedLong(in.getInt(chunk + 4));
            if (tag(file, chunk, "fmt ") && size >= 16 && at + 8 + 16 <= file.length) {
                byteRate = Integer.toUnsignedLong(in.getInt(chunk + 8 + 8));
            } else if (tag(file, chunk, "data")) {
                if (byteRate <= 0) {
                    return Optional.empty();
                }
                long available = Math.min(size, file.length - (at + 8));
                return Optional.of(available / (double) byteRate);
            }
            at += 8 + size + (size & 1);
        }
        return Optional.empty();
    }

    private static boolean tag(byte[] file, int at, String tag) {
        for (int i = 0; i < 4; i++) {
            if (file[at + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
