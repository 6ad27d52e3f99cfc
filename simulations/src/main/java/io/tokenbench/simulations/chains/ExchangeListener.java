package io.tokenbench.simulations.chains;

import io.gatling.http.client.HttpListener;
import io.gatling.http.client.Request;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.tokenbench.simulations.stream.EndReason;
import io.tokenbench.simulations.stream.ExchangeObserver;
import java.net.ConnectException;
import java.nio.channels.UnresolvedAddressException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/**
 * Feeds Gatling's HTTP client callbacks into an {@link ExchangeObserver} (the chat trace or a media
 * step), stamping each with {@code System.nanoTime()}, and reports the end exactly once. Buffers
 * belong to the client (it releases them after the callback); we copy the readable bytes.
 *
 * <p>Threads: all callbacks and {@link #abort} run on the exchange's event loop.
 */
final class ExchangeListener implements HttpListener {
    private final ExchangeObserver trace;
    private final Consumer<EndReason> onEnd;
    private Channel channel;
    private boolean written;
    private String failure = "";

    ExchangeListener(ExchangeObserver trace, Consumer<EndReason> onEnd) {
        this.trace = trace;
        this.onEnd = onEnd;
    }

    @Override
    public void onFinalClientRequest(Request request) {
        // nothing: the request is fully described by the settings
    }

    @Override
    public void onWrite(Channel ch) {
        channel = ch;
        written = true;
    }

    @Override
    public void onHttpResponse(HttpResponseStatus status, HttpHeaders headers) {
        if (trace.ended()) {
            return;
        }
        trace.response(System.nanoTime(), status.code(), headers::get);
    }

    @Override
    public void onHttpResponseBodyChunk(ByteBuf chunk, boolean last) {
        if (trace.ended()) {
            return;
        }
        long now = System.nanoTime();
        if (chunk.isReadable()) {
            byte[] bytes = ByteBufUtil.getBytes(chunk);
            trace.body(now, bytes, 0, bytes.length);
        }
        if (last) {
            end(now, EndReason.COMPLETE);
        }
    }

    /**
     * Before {@link #onWrite} (called once the connection, TLS included, is up and the request is
     * about to be written) a failure means the request never left: {@code CONNECT_ERROR}. After it,
     * the request may have reached the server: {@code RESET} (the client does not re-send it, see
     * {@link RequestBodies}).
     */
    @Override
    public void onThrowable(Throwable t) {
        if (trace.ended()) {
            return;
        }
        failure = describe(t);
        end(System.nanoTime(), written ? EndReason.RESET : EndReason.CONNECT_ERROR);
    }

    /** What ended the exchange when it failed without a response ("" otherwise). */
    String failure() {
        return failure;
    }

    static String describe(Throwable t) {
        String kind =
                t instanceof ConnectException || t.getCause() instanceof ConnectException
                        ? "connection refused or unreachable"
                        : t instanceof UnresolvedAddressException
                                ? "host not resolved"
                                : t instanceof SSLException || t.getCause() instanceof SSLException
                                        ? "TLS handshake failed"
                                        : t.getClass().getSimpleName();
        String message = t.getMessage();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    /** Ends the exchange for {@code reason} (a timeout or cancel) and closes its connection. */
    void abort(EndReason reason) {
        if (trace.ended()) {
            return;
        }
        failure = reason.name().toLowerCase(java.util.Locale.ROOT) + " (no answer in time)";
        end(System.nanoTime(), reason);
        if (channel != null) {
            channel.close(); // a half-read response must not go back to the pool
        }
    }

    private void end(long nanos, EndReason reason) {
        trace.end(nanos, reason);
        onEnd.accept(reason);
    }
}
