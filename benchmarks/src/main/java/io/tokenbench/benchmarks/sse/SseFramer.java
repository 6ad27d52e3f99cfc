package io.tokenbench.benchmarks.sse;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Minimal incremental SSE framing for chat streams: bytes in (any split across reads), one callback
 * per event with the range of its {@code data} payload. An event ends at an empty line ({@code
 * \n\n}); the payload is the text after {@code data:} (one optional space dropped) of its first
 * {@code data} line; events without a {@code data} line (comments, keep-alives) are skipped. Only
 * LF line ends are handled, which is what the OpenAI wire format and the mock send; several {@code
 * data} lines per event are not joined. This is deliberately the least a client can do, so the
 * benchmarks show what a full SDK adds.
 *
 * <p>Not thread-safe: one per response. The payload range passed to the listener is valid only
 * during the callback.
 */
public final class SseFramer {

    /** Receives each event's payload {@code bytes[from, to)}. */
    @FunctionalInterface
    public interface Listener {
        void onEvent(byte[] bytes, int from, int to);
    }

    private static final int INITIAL_BYTES = 4096;
    private final Listener listener;
    private byte[] buffer = new byte[INITIAL_BYTES];
    private int length;
    private int scanFrom;

    public SseFramer(Listener listener) {
        this.listener = listener;
    }

    public void feed(byte[] bytes, int offset, int count) {
        ensureRoom(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
        drainEvents();
    }

    /** Feeds the remaining bytes of {@code bytes} (its position moves to its limit). */
    public void feed(ByteBuffer bytes) {
        int count = bytes.remaining();
        ensureRoom(count);
        bytes.get(buffer, length, count);
        length += count;
        drainEvents();
    }

    /**
     * True when bytes of an unfinished event are pending (a body that ends here was cut mid-event).
     */
    public boolean hasPartialEvent() {
        return length > 0;
    }

    private void drainEvents() {
        int eventStart = 0;
        for (int i = Math.max(scanFrom, 1); i < length; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\n') {
                emit(eventStart, i - 1);
                eventStart = i + 1;
                i++; // the next event needs at least one byte before its own blank line
            }
        }
        if (eventStart > 0) {
            System.arraycopy(buffer, eventStart, buffer, 0, length - eventStart);
            length -= eventStart;
        }
        scanFrom = length;
    }

    /** {@code buffer[from, to)} is one event without its final blank line. */
    private void emit(int from, int to) {
        int line = from;
        while (line < to) {
            int end = line;
            while (end < to && buffer[end] != '\n') {
                end++;
            }
            if (end - line >= 5
                    && buffer[line] == 'd'
                    && buffer[line + 1] == 'a'
                    && buffer[line + 2] == 't'
                    && buffer[line + 3] == 'a'
                    && buffer[line + 4] == ':') {
                int payload = line + 5;
                if (payload < end && buffer[payload] == ' ') {
                    payload++;
                }
                listener.onEvent(buffer, payload, end);
                return;
            }
            line = end + 1;
        }
    }

    private void ensureRoom(int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
    }
}
