package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * The mock's HTTP/1.1 server codec: Netty's request decoder and response encoder joined as Netty's
 * {@code HttpServerCodec} (4.2) joins them, with the same per-connection state, so every response
 * that goes through the encoder is framed exactly as before:
 *
 * <ul>
 *   <li>a FIFO of the decoded requests' methods, one slot taken per response: the response to a
 *       {@code HEAD} is written without its body, a 2xx to {@code CONNECT} without {@code
 *       Transfer-Encoding}; informational (1xx) responses take no slot;
 *   <li>at most {@link #MAX_PIPELINE_DEPTH} requests unanswered: the request over it fails the
 *       decoder ({@code IllegalStateException}), which then discards its input, and the connection
 *       closes after the next response;
 *   <li>a request with both {@code Content-Length} and {@code Transfer-Encoding: chunked} (the
 *       decoder drops the length) closes the connection after its response.
 * </ul>
 *
 * <p>What Netty's codec cannot offer: {@link #takePlainResponseSlot()} lets a complete response be
 * written as pre-encoded bytes below the codec ({@link PlainResponse}) while this state stays in
 * step. Event loop only.
 */
final class ServerCodec
        extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {

    /** Netty's default limit of unanswered requests on one connection. */
    static final int MAX_PIPELINE_DEPTH = 128;

    private static final byte OTHER = 0;
    private static final byte HEAD = 1;
    private static final byte CONNECT = 2;

    /** Ring buffer of the unanswered requests' method kinds, oldest at {@link #oldest}. */
    private final byte[] methods = new byte[MAX_PIPELINE_DEPTH];

    private int oldest;
    private int unanswered;

    /** Set when the connection must close after the next complete response. */
    private boolean closeAfterResponse;

    ServerCodec(HttpDecoderConfig config) {
        init(new Decoder(config), new Encoder());
    }

    /**
     * Takes the oldest unanswered request's slot for a complete response written below this codec,
     * when the encoder would write that response as it is: the request was neither {@code HEAD} nor
     * {@code CONNECT}, and no close after the response is pending. Otherwise takes nothing and
     * returns false: the response must then go through the encoder. The caller must write a
     * complete response when this returns true, and must not call it while the encoder is in the
     * middle of a response (its head written, its last content not yet).
     */
    boolean takePlainResponseSlot() {
        if (closeAfterResponse || (unanswered > 0 && methods[oldest] != OTHER)) {
            return false;
        }
        poll();
        return true;
    }

    private boolean offer(HttpMethod method) {
        if (unanswered == MAX_PIPELINE_DEPTH) {
            return false;
        }
        byte kind =
                HttpMethod.HEAD.equals(method)
                        ? HEAD
                        : HttpMethod.CONNECT.equals(method) ? CONNECT : OTHER;
        methods[(oldest + unanswered) % MAX_PIPELINE_DEPTH] = kind;
        unanswered++;
        return true;
    }

    /** The oldest unanswered request's kind, removed; {@link #OTHER} when none is waiting. */
    private byte poll() {
        if (unanswered == 0) {
            return OTHER;
        }
        byte kind = methods[oldest];
        oldest = (oldest + 1) % MAX_PIPELINE_DEPTH;
        unanswered--;
        return kind;
    }

    private final class Decoder extends HttpRequestDecoder {

        /** Set once the pipelining limit was passed: everything after is dropped. */
        private boolean discarding;

        Decoder(HttpDecoderConfig config) {
            super(config);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
                throws Exception {
            if (discarding) {
                buffer.skipBytes(buffer.readableBytes());
                return;
            }
            int first = out.size();
            super.decode(ctx, buffer, out);
            for (int i = first; i < out.size(); i++) {
                if (out.get(i) instanceof HttpRequest request && !offer(request.method())) {
                    closeAfterResponse = true;
                    discarding = true;
                    for (int j = i; j < out.size(); j++) {
                        ReferenceCountUtil.release(out.get(j));
                    }
                    out.subList(i, out.size()).clear();
                    throw new IllegalStateException(
                            "maxPipelineDepth exceeded: " + MAX_PIPELINE_DEPTH);
                }
            }
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            super.handleTransferEncodingChunkedWithContentLength(message);
            closeAfterResponse = true;
        }
    }

    private final class Encoder extends HttpResponseEncoder {

        private byte kind;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
                throws Exception {
            ChannelPromise written = promise;
            if (closeAfterResponse && msg instanceof LastHttpContent) {
                closeAfterResponse = false;
                written = promise.unvoid().addListener(ChannelFutureListener.CLOSE);
            }
            super.write(ctx, msg, written);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            if (msg.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return super.isContentAlwaysEmpty(msg); // a 1xx answers no request: no slot
            }
            kind = poll();
            return kind == HEAD || super.isContentAlwaysEmpty(msg);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse msg, boolean isAlwaysEmpty) {
            if (!isAlwaysEmpty
                    && kind == CONNECT
                    && msg.status().codeClass() == HttpStatusClass.SUCCESS) {
                // RFC 9110 section 9.3.6: a 2xx to CONNECT switches to a tunnel, no framing.
                msg.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                return;
            }
            super.sanitizeHeadersBeforeEncode(msg, isAlwaysEmpty);
        }
    }
}
