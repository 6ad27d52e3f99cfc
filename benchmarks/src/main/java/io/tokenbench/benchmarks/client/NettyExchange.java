package io.tokenbench.benchmarks.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request/response on a pooled Netty connection. The response side ({@link #onObject}, {@link
 * #fail}) runs on the connection's event loop; the caller blocks on futures ({@link
 * #awaitStatus()}, {@link #awaitFirstContent()}, {@link #awaitEnd()}), which also publish the event
 * loop's writes to it. A streamed body is framed as it arrives; a non-streamed or non-200 body is
 * collected whole.
 */
final class NettyExchange implements StreamCall {

    private static final long TIMEOUT_SECONDS = 60;
    private final boolean streaming;
    private final Channel channel;
    private final Runnable release;
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private final CompletableFuture<Void> firstContent = new CompletableFuture<>();
    private final CompletableFuture<Long> end = new CompletableFuture<>();
    private final EventCounter events = new EventCounter();
    private byte[] body = new byte[1024];
    private int bodyLength;
    private int statusCode;

    /**
     * @param release returns the connection to the pool once the response has ended
     */
    NettyExchange(boolean streaming, Channel channel, Runnable release) {
        this.streaming = streaming;
        this.channel = channel;
        this.release = release;
    }

    /** Event loop: one decoded part of the response. */
    void onObject(HttpObject msg) {
        if (msg instanceof HttpResponse response) {
            statusCode = response.status().code();
            status.complete(statusCode);
        }
        if (msg instanceof HttpContent content) {
            ByteBuf bytes = content.content();
            if (streaming && statusCode == 200) {
                events.feed(bytes.nioBuffer());
                if (events.contentEvents() > 0) {
                    firstContent.complete(null);
                }
                if (events.error() != null) {
                    fail(new ChatFailure(events.error()));
                    channel.close();
                    return;
                }
            } else {
                collect(bytes);
            }
            if (msg instanceof LastHttpContent) {
                finish();
            }
        }
    }

    private void finish() {
        release.run();
        try {
            long tokens;
            if (statusCode != 200) {
                throw ChatFailure.status(
                        statusCode, new String(body, 0, bodyLength, StandardCharsets.UTF_8));
            }
            tokens =
                    streaming
                            ? events.requireComplete()
                            : UsageScan.completionTokens(body, bodyLength);
            firstContent.complete(null);
            end.complete(tokens);
        } catch (ChatFailure e) {
            fail(e);
        }
    }

    /** Event loop (or the caller): the exchange failed; every waiter gets {@code failure}. */
    void fail(ChatFailure failure) {
        status.completeExceptionally(failure);
        firstContent.completeExceptionally(failure);
        end.completeExceptionally(failure);
    }

    private void collect(ByteBuf bytes) {
        int n = bytes.readableBytes();
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
        }
        bytes.getBytes(bytes.readerIndex(), body, bodyLength, n);
        bodyLength += n;
    }

    /**
     * The response status; a non-200 status waits for the body and throws it as a {@link
     * ChatFailure}.
     */
    int awaitStatus() {
        int code = await(status);
        if (code != 200) {
            await(end);
        }
        return code;
    }

    @Override
    public void awaitFirstContent() {
        await(firstContent);
    }

    @Override
    public long awaitEnd() {
        return await(end);
    }

    /** Cuts the connection if the response has not ended (it cannot be reused then). */
    @Override
    public void close() {
        if (!end.isDone()) {
            fail(new ChatFailure("closed before the end of the response"));
            channel.close();
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ChatFailure f
                    ? f
                    : new ChatFailure("netty: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new ChatFailure("no answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatFailure("interrupted", e);
        }
    }
}
