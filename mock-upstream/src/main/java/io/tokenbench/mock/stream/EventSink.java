package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

/**
 * Where a stream's encoded events go. The sink owns every buffer passed to it (it releases or
 * writes them). Called only on the channel's event loop.
 */
interface EventSink {

    /** A buffer to encode the next events into (it may reserve room the sink needs). */
    ByteBuf allocate(int capacity);

    /** Writes and flushes {@code events} (one or more complete SSE events). */
    void write(ByteBuf events);

    /** Writes {@code events} as the end of the body, then runs {@code afterEnd}. */
    void end(ByteBuf events, Runnable afterEnd);

    /** Drops anything not yet written (the stream was cancelled or reset). Idempotent. */
    void discard();

    /**
     * Where a sink that writes from its own scheduled tasks reports an exception thrown there (the
     * writer settles, discards and closes). Sinks that write only when called need not keep it.
     */
    default void onFailure(Consumer<RuntimeException> handler) {}
}
