package io.tokenbench.benchmarks.client;

/**
 * A chat client under test. One instance is shared by all benchmark threads (as an application
 * shares its client); every method is thread-safe and blocking. Failures throw {@link ChatFailure}.
 */
public interface ChatClient extends AutoCloseable {

    /** One non-streamed completion; returns {@code usage.completion_tokens}. */
    long complete();

    /** Opens a streamed completion (status checked); read it with the returned call. */
    StreamCall stream();

    /** Releases connections and threads. */
    @Override
    void close();
}
