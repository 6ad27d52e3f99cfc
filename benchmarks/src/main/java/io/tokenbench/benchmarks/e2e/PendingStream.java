package io.tokenbench.benchmarks.e2e;

import io.tokenbench.benchmarks.client.StreamCall;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The stream a time-to-first-token invocation left open: drained to {@code [DONE]} (and its token
 * count checked) after the invocation, outside the measured time, so the connection is reused and a
 * broken stream still fails the run. A per-invocation fixture is acceptable here: one invocation is
 * a network round trip (hundreds of microseconds at least), far above the fixture's own cost.
 */
@State(Scope.Thread)
public class PendingStream {

    StreamCall call;
    TokenCheck check;

    @TearDown(Level.Invocation)
    public void drain() {
        StreamCall open = call;
        call = null;
        if (open == null) {
            return;
        }
        try (open) {
            check.verify(open.awaitEnd());
        }
    }
}
