package io.tokenbench.mock.images;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder (8-bit RGB, no interlace, one IDAT) for a cheap pattern: red grows with x,
 * green with y, blue is fixed by the seed, so each image of a request differs and rows compress
 * well. Every row uses filter 1 (Sub), which makes a row of a linear gradient almost constant
 * bytes.
 */
public final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngEncoder() {}

    public static byte[] gradient(int width, int height, long seed) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
        }
        int blue = (int) (seed & 0xff);
        int stride = 1 + 3 * width;
        byte[] row = new byte[stride];
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        ByteArrayOutputStream idat = new ByteArrayOutputStream(Math.max(1024, height * 64));
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int y = 0; y < height; y++) {
                int green = y * 255 / Math.max(1, height - 1);
                row[0] = 1; // Sub filter
                int previousRed = 0;
                int previousGreen = 0;
                int previousBlue = 0;
                for (int x = 0; x < width; x++) {
                    int red = x * 255 / Math.max(1, width - 1);
                    int at = 1 + 3 * x;
                    row[at] = (byte) (red - previousRed);
                    row[at + 1] = (byte) (green - previousGreen);
                    row[at + 2] = (byte) (blue - previousBlue);
                    previousRed = red;
                    previousGreen = green;
                    previousBlue = blue;
                }
                deflater.setInput(row);
                drain(deflater, idat, buffer);
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(SIGNATURE);
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] buffer) {
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
