package io.tokenbench.mock.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ledger postings held back until a due time (the {@code batch_write_ms} fault: spend applied late,
 * as new-api's and LiteLLM's batch writers do). Flushed lazily by admissions and by the sweeper.
 *
 * <p>Thread-safe and non-blocking.
 */
public final class DeferredPostings {

    private record Pending(Instant dueAt, Runnable posting) {}

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

    public void defer(Instant dueAt, Runnable posting) {
        queue.add(
                new Pending(
                        Objects.requireNonNull(dueAt, "dueAt"),
                        Objects.requireNonNull(posting, "posting")));
    }

    /** Applies every posting due at {@code now}, oldest first; returns how many ran. */
    public int flushDue(Instant now) {
        int ran = 0;
        Pending head;
        while ((head = queue.peek()) != null && !now.isBefore(head.dueAt())) {
            if (queue.remove(head)) {
                head.posting().run();
                ran++;
            }
        }
        return ran;
    }

    /** Applies everything regardless of due time (shutdown, state file). */
    public int flushAll() {
        int ran = 0;
        Pending p;
        while ((p = queue.poll()) != null) {
            p.posting().run();
            ran++;
        }
        return ran;
    }

    public int size() {
        return queue.size();
    }
}
