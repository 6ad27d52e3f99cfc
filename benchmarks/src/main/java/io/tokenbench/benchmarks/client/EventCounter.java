package io.tokenbench.benchmarks.client;

import io.tokenbench.benchmarks.sse.EventKind;
import io.tokenbench.benchmarks.sse.SseFramer;
import java.nio.charset.StandardCharsets;

/**
 * The lean clients' stream state: frames bytes into events, counts content events, remembers {@code
 * [DONE]} and fails on an error event. Not thread-safe: fed by one thread at a time (the reading
 * thread or the connection's event loop; visibility to the waiting thread comes from the hand-off).
 */
final class EventCounter {

    private final SseFramer framer = new SseFramer(this::onEvent);
    private long contentEvents;
    private boolean done;
    private String error;

    void feed(byte[] bytes, int offset, int count) {
        framer.feed(bytes, offset, count);
    }

    void feed(java.nio.ByteBuffer bytes) {
        framer.feed(bytes);
    }

    long contentEvents() {
        return contentEvents;
    }

    boolean done() {
        return done;
    }

    /**
     * Null while nothing went wrong; else what did (an error event, or bytes after {@code [DONE]}).
     */
    String error() {
        return error;
    }

    /** Throws unless the stream ended properly with {@code [DONE]}; returns the content events. */
    long requireComplete() {
        if (error != null) {
            throw new ChatFailure(error);
        }
        if (!done) {
            throw new ChatFailure(
                    "stream ended before [DONE]"
                            + (framer.hasPartialEvent() ? " (mid-event)" : ""));
        }
        return contentEvents;
    }

    private void onEvent(byte[] bytes, int from, int to) {
        if (done && error == null) {
            error = "event after [DONE]";
            return;
        }
        switch (EventKind.of(bytes, from, to)) {
            case CONTENT -> contentEvents++;
            case DONE -> done = true;
            case ERROR ->
                    error =
                            "error event: "
                                    + new String(
                                            bytes,
                                            from,
                                            Math.min(to - from, 200),
                                            StandardCharsets.UTF_8);
            case OTHER -> {
                // role, finish and usage events carry no token
            }
        }
    }
}
