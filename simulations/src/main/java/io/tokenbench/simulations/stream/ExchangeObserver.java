package io.tokenbench.simulations.stream;

import java.util.function.Function;

/**
 * What the transport listener reports about one HTTP exchange, each call stamped with the {@code
 * System.nanoTime()} of the read: response headers, body bytes, end. Implemented by the chat {@link
 * ExchangeTrace} and by the media calls' step traces. Called on one event loop.
 */
public interface ExchangeObserver {

    /** True once {@link #end} was called; later callbacks are ignored by the listener. */
    boolean ended();

    /**
     * Status line and headers arrived; {@code header} looks up a header value by name (null when
     * absent).
     */
    void response(long nanos, int statusCode, Function<String, String> header);

    /** Body bytes of one read. */
    void body(long nanos, byte[] bytes, int offset, int length);

    /** The exchange ended for {@code reason}. */
    void end(long nanos, EndReason reason);

    /** Nanos of the last byte received, or of send when none yet (the idle timer's reference). */
    long lastActivityNanos();
}
