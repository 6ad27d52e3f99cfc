package io.tokenbench.mock.openai;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Small helpers for writing JSON by hand on the hot path. */
public final class JsonText {

    private JsonText() {}

    /** The UTF-8 bytes of {@code value} escaped for use inside a JSON string (no quotes). */
    public static byte[] escaped(String value) {
        return JsonStringEncoder.getInstance().quoteAsUTF8(value);
    }

    /** {@code value} as a quoted JSON string literal. */
    public static String quoted(String value) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    /** Writes {@code value} in decimal ASCII digits, as {@link Long#toString(long)} would. */
    public static void writeDecimal(ByteBuf out, long value) {
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                out.writeCharSequence(Long.toString(value), StandardCharsets.US_ASCII);
                return;
            }
            out.writeByte('-');
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        out.ensureWritable(digits);
        int end = out.writerIndex() + digits;
        for (int i = end - 1; i >= out.writerIndex(); i--) {
            out.setByte(i, (int) ('0' + value % 10));
            value /= 10;
        }
        out.writerIndex(end);
    }

    public static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
