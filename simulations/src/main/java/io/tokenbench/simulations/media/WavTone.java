package io.tokenbench.simulations.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * A real WAV file (RIFF/WAVE, PCM 16-bit mono) of a sine tone, built in memory: the transcription
 * upload. Its duration is exactly {@code samples / sampleRate}, what the server bills and what the
 * real-time factor divides by.
 */
public final class WavTone {
    static final int HEADER_BYTES = 44;

    private WavTone() {}

    /**
     * {@code length} of a {@code hz} tone at {@code sampleRate}, 16-bit mono, quiet (a quarter of
     * full scale).
     */
    public static byte[] of(Duration length, int sampleRate, double hz) {
        if (sampleRate <= 0 || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("need a positive length and sample rate");
        }
        long samples = length.toNanos() * sampleRate / 1_000_000_000L;
        int dataBytes = Math.toIntExact(samples * 2);
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(sampleRate)
                .putInt(sampleRate * 2) // byte rate
                .putShort((short) 2) // block align
                .putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .putInt(dataBytes);
        for (long i = 0; i < samples; i++) {
            b.putShort((short) Math.round(8192 * Math.sin(2 * Math.PI * hz * i / sampleRate)));
        }
        return b.array();
    }

    /** The duration of a WAV built by {@link #of}: data bytes / byte rate, in nanoseconds. */
    public static long durationNanos(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int byteRate = b.getInt(28);
        int dataBytes = b.getInt(40);
        return Math.round(dataBytes * 1e9 / byteRate);
    }
}
