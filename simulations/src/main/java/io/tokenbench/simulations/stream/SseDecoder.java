package io.tokenbench.simulations.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Incremental Server-Sent Events framing (the WHATWG rules that matter for chat streams): bytes in,
 * one {@code data} payload out per event. Lines end in LF or CRLF; an empty line ends an event;
 * several {@code data:} lines are joined with LF; comment lines ({@code :}) and other fields
 * ({@code event}, {@code id}, {@code retry}) are skipped. Text is decoded as UTF-8 only from
 * complete lines, so a character split across TCP reads is never mangled.
 *
 * <p>An event with one {@code data} line (every chat chunk) is handed over as its bytes, without
 * decoding ({@link EventSink#bytes}); one with several lines as the joined text ({@link
 * EventSink#text}), each line decoded on its own as before.
 *
 * <p>Not thread-safe: one per response, fed from the connection's event loop.
 */
public final class SseDecoder {
    /** Where each event's data goes. */
    public interface EventSink {
        /**
         * The data of an event with one {@code data} line: UTF-8 bytes {@code [offset, offset +
         * length)}, valid only during the call.
         */
        void bytes(byte[] data, int offset, int length);

        /** The data of an event with several {@code data} lines, joined with LF. */
        void text(String data);
    }

    private static final byte[] DATA = {'d', 'a', 't', 'a'};

    private final EventSink sink;
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] firstData = new byte[256];
    private int firstDataLength = -1; // -1: no data line in the current event
    private StringBuilder moreData; // from the event's second data line on
    private long bytesSeen;

    /** Each event's data as text (the bytes of a one-line event decoded as UTF-8). */
    public SseDecoder(Consumer<String> onData) {
        this(
                new EventSink() {
                    @Override
                    public void bytes(byte[] data, int offset, int length) {
                        onData.accept(new String(data, offset, length, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void text(String data) {
                        onData.accept(data);
                    }
                });
    }

    public SseDecoder(EventSink sink) {
        this.sink = sink;
    }

    /**
     * Feeds {@code length} bytes from {@code bytes} starting at {@code offset}. A line that is
     * whole in this read is handled in place; only the bytes of a line split across reads are
     * buffered.
     */
    public void feed(byte[] bytes, int offset, int length) {
        bytesSeen += length;
        int end = offset + length;
        int start = offset;
        while (start < end) {
            int lf = start;
            while (lf < end && bytes[lf] != '\n') {
                lf++;
            }
            if (lf == end) {
                append(bytes, start, end - start);
                return;
            }
            if (lineLength == 0) {
                onLine(bytes, start, lf > start && bytes[lf - 1] == '\r' ? lf - 1 : lf);
            } else {
                append(bytes, start, lf - start);
                onLine(line, 0, line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength);
                lineLength = 0;
            }
            start = lf + 1;
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLength + length, line.length * 2));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    /** True when bytes of an unfinished line or event are pending (the body ended mid-event). */
    public boolean hasPartialEvent() {
        return lineLength > 0 || firstDataLength >= 0;
    }

    public long bytesSeen() {
        return bytesSeen;
    }

    /** The line {@code buf[from, end)}. ':' is ASCII, so byte and character positions agree. */
    private void onLine(byte[] buf, int from, int end) {
        if (end == from) {
            endEvent();
            return;
        }
        if (buf[from] == ':') {
            return; // comment / keep-alive
        }
        int colon = -1;
        for (int i = from; i < end; i++) {
            if (buf[i] == ':') {
                colon = i;
                break;
            }
        }
        int fieldEnd = colon < 0 ? end : colon;
        if (!Arrays.equals(buf, from, fieldEnd, DATA, 0, DATA.length)) {
            return;
        }
        int value = colon < 0 ? end : colon + 1;
        if (value < end && buf[value] == ' ') {
            value++;
        }
        int n = end - value;
        if (firstDataLength < 0) {
            if (n > firstData.length) {
                firstData = new byte[Math.max(n, firstData.length * 2)];
            }
            System.arraycopy(buf, value, firstData, 0, n);
            firstDataLength = n;
        } else {
            if (moreData == null) {
                moreData = new StringBuilder(utf8(firstData, 0, firstDataLength));
            }
            moreData.append('\n').append(utf8(buf, value, n));
        }
    }

    private void endEvent() {
        if (firstDataLength < 0) {
            return;
        }
        int n = firstDataLength;
        StringBuilder joined = moreData;
        firstDataLength = -1;
        moreData = null;
        if (joined == null) {
            sink.bytes(firstData, 0, n);
        } else {
            sink.text(joined.toString());
        }
    }

    private static String utf8(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
}
