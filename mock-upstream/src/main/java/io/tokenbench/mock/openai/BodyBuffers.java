package io.tokenbench.mock.openai;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Buffers for complete response bodies with room left in front of the body, so that the server can
 * write the response head there ({@code server.PlainResponse}) instead of copying the body behind a
 * head in a new buffer. The body starts at {@link #HEADROOM_BYTES}; readers see only the body.
 */
public final class BodyBuffers {

    /** Room for a response head: status line, five headers, a request id and a gate's headers. */
    public static final int HEADROOM_BYTES = 256;

    private BodyBuffers() {}

    /** A buffer for a body of about {@code bodyBytes}, empty, with the head's room in front. */
    public static ByteBuf withHeadroom(ByteBufAllocator alloc, int bodyBytes) {
        ByteBuf buf = alloc.buffer(HEADROOM_BYTES + bodyBytes);
        buf.setIndex(HEADROOM_BYTES, HEADROOM_BYTES);
        return buf;
    }
}
