package io.tokenbench.mock.openai;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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

    public static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }
}
