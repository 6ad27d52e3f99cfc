package io.tokenbench.benchmarks.client;

/**
 * One streamed chat completion in progress. Call {@link #awaitFirstContent()} (optional) and then
 * {@link #awaitEnd()} on the thread that opened it; {@link #close()} releases the connection (a
 * stream not read to its end is cut, and its connection is not reused).
 */
public interface StreamCall extends AutoCloseable {

    /**
     * Blocks until the first content-bearing event has arrived. Throws when the stream fails first.
     */
    void awaitFirstContent();

    /**
     * Blocks until {@code [DONE]} and returns the number of content events (tokens, at one token
     * per chunk), counting those before {@link #awaitFirstContent()} returned. Throws on an error
     * event, a body cut before {@code [DONE]}, or a connection failure.
     */
    long awaitEnd();

    @Override
    void close();
}
