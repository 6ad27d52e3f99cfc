package io.tokenbench.simulations.stream;

/** Why an exchange stopped, as seen by the transport (before classification). */
public enum EndReason {
    /** The response body ended normally. */
    COMPLETE,
    /** The connection closed or failed after the request was written. */
    RESET,
    /** No connection, or the request was never written: refused, unresolvable host, TLS failure. */
    CONNECT_ERROR,
    /**
     * The first-token timeout fired (streams) or the headers did not come in time (non-streamed).
     */
    TIMEOUT_FIRST_TOKEN,
    /** The idle timeout fired: no bytes for longer than allowed after the stream started. */
    TIMEOUT_IDLE,
    /** The total timeout fired. */
    TIMEOUT_TOTAL,
    /** The run stopped (Ctrl-C, end of grace) with the exchange still open. */
    CANCELLED
}
