package io.tokenbench.mock.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/**
 * Writes each step's events as one HTTP/1.1 chunk and flushes at once.
 *
 * <p>Fast path: the sink frames the chunk itself ({@code <hex length>\r\n<events>\r\n}, in room
 * reserved in front of the events, no copy) and writes it through {@code wire}, the context of a
 * marker handler placed below the HTTP codec, so the codec's encoder (three writes and a promise
 * combiner per chunk) is bypassed. The response head and the terminating {@code 0\r\n\r\n} still go
 * through the codec ({@code http}), which keeps its state machine right for the next request. The
 * bytes on the wire are exactly what the codec would write.
 *
 * <p>Writes use the void promise (no listener per event): a failed write fires {@code
 * exceptionCaught}; the connection handler closes the channel, which cancels the stream.
 */
final class DirectSink implements EventSink {

    private static final int HEADROOM = 8 + 2; // up to 8 hex digits and CRLF
    private static final short CRLF = ('\r' << 8) | '\n';
    private final ChannelHandlerContext http;
    private final ChannelHandlerContext wire;

    DirectSink(ChannelHandlerContext http, ChannelHandlerContext wire) {
        this.http = http;
        this.wire = wire;
    }

    @Override
    public ByteBuf allocate(int capacity) {
        ByteBuf buf = http.alloc().buffer(HEADROOM + capacity + 2);
        buf.writerIndex(HEADROOM).readerIndex(HEADROOM);
        return buf;
    }

    @Override
    public void write(ByteBuf events) {
        if (!events.isReadable()) {
            events.release(); // an empty chunk would end the body
            return;
        }
        wire.writeAndFlush(frame(events), wire.voidPromise());
    }

    @Override
    public void end(ByteBuf events, Runnable afterEnd) {
        if (events.isReadable()) {
            wire.write(frame(events), wire.voidPromise());
        } else {
            events.release();
        }
        http.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
                .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        afterEnd.run();
    }

    @Override
    public void discard() {
        // Nothing is held back.
    }

    /** Adds the chunk header in the reserved room and the trailing CRLF. */
    private static ByteBuf frame(ByteBuf events) {
        int length = events.readableBytes();
        String hex = Integer.toHexString(length);
        int start = events.readerIndex() - hex.length() - 2;
        events.setCharSequence(start, hex, StandardCharsets.US_ASCII);
        events.setShort(start + hex.length(), CRLF);
        events.readerIndex(start);
        ByteBufUtil.writeShortBE(events, CRLF);
        return events;
    }
}
