package io.tokenbench.simulations.chains;

import java.util.function.Consumer;

/**
 * The exchanges of one media call and how they become a timeline. Implementations are stateless
 * (one per endpoint class, shared by every user); per-call state lives in the lambdas of one {@link
 * #run}.
 */
interface MediaFlow {

    /**
     * Runs call {@code index} of the schedule, due at {@code tSchedNanos}; calls {@code done}
     * exactly once, on the user's event loop.
     */
    void run(Exchanges ex, long index, long tSchedNanos, Consumer<MediaResult> done);
}
