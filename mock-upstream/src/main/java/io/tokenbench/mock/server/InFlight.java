package io.tokenbench.mock.server;

/** A response still being produced after its request was handled (a stream or a delayed body). */
interface InFlight {

    /** The client went away: stop and settle. Idempotent. */
    void cancel();

    /** The channel's writability changed (back-pressure). */
    default void writabilityChanged() {}
}
