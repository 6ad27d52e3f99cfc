package io.tokenbench.mock.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits in front of the aggregator: a request whose whole body came with its head (the decoder's
 * {@code HttpRequest} followed at once by the {@code LastHttpContent}), sized by {@code
 * Content-Length} within the limit, with no {@code Expect} or {@code Transfer-Encoding}, becomes a
 * {@code FullHttpRequest} over that content as it is, which the aggregator passes on untouched: no
 * composite buffer, no copy, no header rewriting. Anything else (a body in several pieces, chunked,
 * {@code Expect}, over the limit, a decoding failure) goes to the aggregator exactly as it came, so
 * its answers (413, 417, 100-continue) do not change. One instance per channel; event loop only.
 */
final class WholeBodyFastPath extends ChannelInboundHandlerAdapter {

    private final long maxBodyBytes;

    /** A request head held until its next message shows whether the body came whole. */
    private HttpRequest pending;

    /**
     * Whether the last request went through the aggregator. Then the next one does too: the
     * aggregator ends a request it skipped (a 413 or 417 answered, the body dropped) only when the
     * next one starts, and would otherwise still think itself mid-message when the connection
     * closes.
     */
    private boolean lastWentSlow;

    WholeBodyFastPath(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (pending != null) {
            HttpRequest head = pending;
            pending = null;
            if (msg instanceof LastHttpContent last
                    && last.decoderResult().isSuccess()
                    && last.trailingHeaders().isEmpty()
                    && last.content().readableBytes() <= maxBodyBytes) {
                if (!HttpUtil.isContentLengthSet(head)) {
                    // As the aggregator does: the request then says how long its body is.
                    head.headers()
                            .setInt(HttpHeaderNames.CONTENT_LENGTH, last.content().readableBytes());
                }
                ctx.fireChannelRead(
                        new DefaultFullHttpRequest(
                                head.protocolVersion(),
                                head.method(),
                                head.uri(),
                                last.content(),
                                head.headers(),
                                last.trailingHeaders()));
                return;
            }
            lastWentSlow = true;
            ctx.fireChannelRead(head);
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpRequest head && !(msg instanceof FullHttpMessage)) {
            boolean simple = head.decoderResult().isSuccess() && simple(head);
            if (simple && !lastWentSlow) {
                pending = head;
                return;
            }
            lastWentSlow = !simple;
        }
        ctx.fireChannelRead(msg);
    }

    /** Sized by a Content-Length within the limit; nothing the aggregator must act on. */
    private boolean simple(HttpRequest head) {
        HttpHeaders headers = head.headers();
        return !headers.contains(HttpHeaderNames.EXPECT)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && HttpUtil.getContentLength(head, -1L) <= maxBodyBytes;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pending = null; // holds no buffer; the aggregator would have dropped it here too
        ctx.fireChannelInactive();
    }
}
