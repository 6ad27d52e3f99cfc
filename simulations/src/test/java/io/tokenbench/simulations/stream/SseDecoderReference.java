package io.tokenbench.simulations.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The decoder as it was before events were handed over as bytes (one String per line), kept as the
 * reference of {@code SseDecoderEquivalenceTest}.
 *
 * <p>Incremental Server-Sent Events framing (the WHATWG rules that matter for chat streams): bytes
 * in, one {@code data} payload out per event. Lines end in LF or CRLF; an empty line ends an event;
 * several {@code data:} lines are joined with LF; comment lines ({@code :}) and other fields
 * ({@code event}, {@code id}, {@code retry}) are skipped. Lines are decoded as UTF-8 only once
 * complete, so a character split across TCP reads is never mangled.
 *
 * <p>Not thread-safe: one per response, fed from the connection's event loop.
 */
final class SseDecoderReference {
    private final Consumer<String> onData;
    private byte[] line = new byte[256];
    private int lineLength;
    private StringBuilder data;
    private long bytesSeen;

    SseDecoderReference(Consumer<String> onData) {
        this.onData = onData;
    }

    /** Feeds {@code length} bytes from {@code bytes} starting at {@code offset}. */
    public void feed(byte[] bytes, int offset, int length) {
        bytesSeen += length;
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                int end =
                        lineLength > 0 && line[lineLength - 1] == '\r'
                                ? lineLength - 1
                                : lineLength;
                onLine(new String(line, 0, end, StandardCharsets.UTF_8));
                lineLength = 0;
            } else {
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
    }

    /** True when bytes of an unfinished line or event are pending (the body ended mid-event). */
    public boolean hasPartialEvent() {
        return lineLength > 0 || data != null;
    }

    public long bytesSeen() {
        return bytesSeen;
    }

    private void onLine(String text) {
        if (text.isEmpty()) {
            if (data != null) {
                String payload = data.toString();
                data = null;
                onData.accept(payload);
            }
            return;
        }
        if (text.charAt(0) == ':') {
            return; // comment / keep-alive
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        if (!field.equals("data")) {
            return;
        }
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (data == null) {
            data = new StringBuilder(value);
        } else {
            data.append('\n').append(value);
        }
    }
}
