package io.tokenbench.mock.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.tokenbench.mock.openai.JsonText;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Writes a complete response (status line, headers, body) as one buffer below the connection's
 * {@link ServerCodec}, the bytes the codec's encoder would write for the same {@code
 * FullHttpResponse} built by {@link Exchange}: {@code HTTP/1.1 <status>}, {@code content-type},
 * {@code content-length}, the response's own headers in their order (a 429's {@code retry-after}),
 * {@code x-request-id}, the gate's headers in their order, {@code connection: close} unless kept
 * alive, the blank line, the body. The fixed start of the common answer ({@code 200 OK}, {@code
 * application/json}) is pre-encoded; nothing per header is looked up or hashed, and the head and
 * body leave in one buffer: the body's own when its writer left room in front of it ({@code
 * openai.BodyBuffers}), so the body is not copied.
 *
 * <p>Only responses the encoder would write as they are take this path: a status with a body (not
 * 1xx, 204, 205, 304), own and gate headers that repeat no name (of the head's or of each other, in
 * any case: the encoder path's {@code set} would replace and move the first), and {@link
 * ServerCodec#takePlainResponseSlot()} granting the slot (not an answer to {@code HEAD} or {@code
 * CONNECT}, no close pending). Everything else goes through the encoder. One instance per channel;
 * event loop only.
 */
final class PlainResponse {

    private static final byte[] HTTP_1_1 = JsonText.ascii("HTTP/1.1 ");
    private static final byte[] CONTENT_TYPE = JsonText.ascii("\r\ncontent-type: ");
    private static final byte[] CONTENT_LENGTH = JsonText.ascii("\r\ncontent-length: ");
    private static final byte[] OK_JSON =
            JsonText.ascii("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ");
    private static final byte[] REQUEST_ID = JsonText.ascii("\r\nx-request-id: ");
    private static final byte[] CLOSE = JsonText.ascii("\r\nconnection: close");
    private static final byte[] COLON_SPACE = JsonText.ascii(": ");
    private static final byte[] CRLF = JsonText.ascii("\r\n");
    private static final byte[] END_OF_HEAD = JsonText.ascii("\r\n\r\n");

    /** Room for the head beyond the fixed parts and the ids; the buffer grows if it is short. */
    private static final int HEAD_BYTES = 160;

    /** Names the head writes itself: a gate header with one of them would change the order. */
    private static final AsciiString[] OWN_NAMES = {
        HttpHeaderNames.CONTENT_TYPE,
        HttpHeaderNames.CONTENT_LENGTH,
        HttpHeaderNames.CONNECTION,
        HttpHeaderNames.TRANSFER_ENCODING,
        Exchange.X_REQUEST_ID
    };

    private final ServerCodec codec;
    private final ChannelHandlerContext codecContext;

    // Reused per response (event loop only): no lambda or array allocated for the headers.
    private final BiConsumer<String, String> nameCheck = this::checkName;
    private final BiConsumer<String, String> headerWriter = this::writeHeader;
    private boolean ownNameSeen;
    private ByteBuf head;

    /**
     * Where a head is written before it is copied in front of a body with room there: heap memory
     * that grows as needed and is never pooled, so it needs no release.
     */
    private final ByteBuf scratch =
            new UnpooledHeapByteBuf(UnpooledByteBufAllocator.DEFAULT, 512, Integer.MAX_VALUE);

    /** The last header name found distinct from the head's own (the gates reuse theirs). */
    private String checkedName;

    private PlainResponse(ServerCodec codec, ChannelHandlerContext codecContext) {
        this.codec = codec;
        this.codecContext = codecContext;
    }

    /**
     * The writer for the connection of {@code pipeline}; null when it has no {@link ServerCodec}.
     */
    static PlainResponse of(ChannelPipeline pipeline) {
        ServerCodec codec = pipeline.get(ServerCodec.class);
        return codec == null ? null : new PlainResponse(codec, pipeline.context(codec));
    }

    /**
     * The context to write {@link #encode}'s buffer through: the codec's own, so the handlers below
     * it (the request deadline's write watch) see the response as they see the encoder's output.
     */
    ChannelHandlerContext context() {
        return codecContext;
    }

    /**
     * The whole response in one buffer, owning {@code body}, with the codec's slot for it taken:
     * the body's own buffer with the head written into the room in front of it when its writer left
     * enough, else a new buffer (the body copied behind the head and released). Or null, {@code
     * body} untouched and no slot taken, when the response must go through the encoder.
     *
     * @param headers this response's own headers (for example a 429's {@code retry-after}), in
     *     order
     * @param gateHeaders the gate's headers for every response, in order
     * @param keepAlive false adds {@code connection: close}
     */
    ByteBuf encode(
            HttpResponseStatus status,
            CharSequence contentType,
            ByteBuf body,
            Map<String, String> headers,
            String requestId,
            Map<String, String> gateHeaders,
            boolean keepAlive) {
        if (!hasBody(status) || !distinct(headers, gateHeaders) || !codec.takePlainResponseSlot()) {
            return null;
        }
        int bodyBytes = body.readableBytes();
        if (hasOwnRoomInFront(body)) {
            scratch.clear();
            writeHead(
                    scratch,
                    status,
                    contentType,
                    bodyBytes,
                    headers,
                    requestId,
                    gateHeaders,
                    keepAlive);
            int headBytes = scratch.readableBytes();
            if (headBytes <= body.readerIndex()) {
                int start = body.readerIndex() - headBytes;
                body.setBytes(start, scratch, 0, headBytes);
                body.readerIndex(start);
                return body;
            }
        }
        ByteBuf out = codecContext.alloc().buffer(HEAD_BYTES + requestId.length() + bodyBytes);
        writeHead(out, status, contentType, bodyBytes, headers, requestId, gateHeaders, keepAlive);
        out.writeBytes(body, body.readerIndex(), bodyBytes);
        body.release();
        return out;
    }

    /**
     * Whether there is room in front of {@code body}'s reader index to write the head into: a body
     * writer left it ({@code openai.BodyBuffers}); the bytes there are the body's to overwrite, as
     * {@link Exchange#send} requires of the bodies it is given.
     */
    private static boolean hasOwnRoomInFront(ByteBuf body) {
        return body.readerIndex() > 0 && !body.isReadOnly() && body.refCnt() == 1;
    }

    /** Status line and headers, through the blank line, for a body of {@code bodyBytes}. */
    private void writeHead(
            ByteBuf out,
            HttpResponseStatus status,
            CharSequence contentType,
            int bodyBytes,
            Map<String, String> headers,
            String requestId,
            Map<String, String> gateHeaders,
            boolean keepAlive) {
        if (status.code() == 200 && Exchange.APPLICATION_JSON.contentEquals(contentType)) {
            out.writeBytes(OK_JSON);
        } else {
            out.writeBytes(HTTP_1_1);
            ByteBufUtil.writeAscii(out, status.codeAsText());
            out.writeByte(' ');
            ByteBufUtil.writeAscii(out, status.reasonPhrase());
            out.writeBytes(CONTENT_TYPE);
            ByteBufUtil.writeAscii(out, contentType);
            out.writeBytes(CONTENT_LENGTH);
        }
        JsonText.writeDecimal(out, bodyBytes);
        head = out;
        if (!headers.isEmpty()) {
            headers.forEach(headerWriter);
        }
        out.writeBytes(REQUEST_ID);
        ByteBufUtil.writeAscii(out, requestId);
        if (!gateHeaders.isEmpty()) {
            gateHeaders.forEach(headerWriter);
        }
        head = null;
        if (!keepAlive) {
            out.writeBytes(CLOSE);
        }
        out.writeBytes(END_OF_HEAD);
    }

    /** Whether the encoder writes this status's body (RFC 9110 sections 15.2, 15.3.5-6, 15.4.5). */
    private static boolean hasBody(HttpResponseStatus status) {
        int code = status.code();
        return code >= 200 && code != 204 && code != 205 && code != 304;
    }

    /** Whether no own or gate header repeats a name of the head or of another such header. */
    private boolean distinct(Map<String, String> headers, Map<String, String> gateHeaders) {
        int size = headers.size() + gateHeaders.size();
        if (size == 0) {
            return true;
        }
        ownNameSeen = false;
        headers.forEach(nameCheck);
        gateHeaders.forEach(nameCheck);
        if (ownNameSeen) {
            return false;
        }
        if (size == 1) {
            return true;
        }
        Set<String> lowerCase = new HashSet<>();
        return allAdded(lowerCase, headers) && allAdded(lowerCase, gateHeaders);
    }

    private static boolean allAdded(Set<String> lowerCase, Map<String, String> headers) {
        for (String name : headers.keySet()) {
            if (!lowerCase.add(name.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private void checkName(String name, String value) {
        if (name == checkedName) {
            return;
        }
        for (AsciiString own : OWN_NAMES) {
            if (own.contentEqualsIgnoreCase(name)) {
                ownNameSeen = true;
                return;
            }
        }
        checkedName = name;
    }

    private void writeHeader(String name, String value) {
        head.writeBytes(CRLF);
        ByteBufUtil.writeAscii(head, name);
        head.writeBytes(COLON_SPACE);
        ByteBufUtil.writeAscii(head, value);
    }
}
