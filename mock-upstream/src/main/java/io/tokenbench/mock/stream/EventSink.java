package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;

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

    /** Drops anything not yet written (the stream was cancelled or reset). */
    void discard();
}
