package io.tokenbench.simulations.record;

import io.tokenbench.simulations.config.AbortRule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished requests of a run and trips once one of its {@link AbortRule}s does; the load
 * stops then (the simulation checks {@link #tripped()} after every call). Thread-safe, lock-free.
 */
public final class AbortWatch {
    private final List<AbortRule> rules;
    private final AtomicLong finished = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String reason;

    public AbortWatch(List<AbortRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** One request finished; {@code success} for {@code ok} and {@code usage_missing}. */
    public void finished(boolean success) {
        if (rules.isEmpty()) {
            return;
        }
        long f = success ? failed.get() : failed.incrementAndGet();
        long n = finished.incrementAndGet();
        if (reason != null) {
            return;
        }
        for (AbortRule r : rules) {
            if (r.trips(n, f)) {
                reason =
                        "--abort-on '"
                                + r.describe()
                                + "': "
                                + f
                                + " of the first "
                                + n
                                + " finished requests failed";
                return;
            }
        }
    }

    public boolean tripped() {
        return reason != null;
    }

    /** Why the run was stopped, when it was. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
