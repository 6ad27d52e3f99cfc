package io.tokenbench.mock.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The usage log: one {@link UsageRow} per request, the newest {@code capacityRows} kept.
 *
 * <p>Thread-safe; appends are non-blocking.
 */
public final class UsageLog {

    public static final int DEFAULT_CAPACITY_ROWS = 200_000;

    private final ConcurrentLinkedDeque<UsageRow> rows = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();
    private final int capacityRows;

    public UsageLog(int capacityRows) {
        if (capacityRows < 1) {
            throw new IllegalArgumentException("capacityRows must be >= 1: " + capacityRows);
        }
        this.capacityRows = capacityRows;
    }

    public UsageLog() {
        this(DEFAULT_CAPACITY_ROWS);
    }

    public void append(UsageRow row) {
        rows.addLast(row);
        appended.incrementAndGet();
        if (size.incrementAndGet() > capacityRows && rows.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /** Rows of {@code keyId} (all keys when null) written at or after {@code since} (all when null). */
    public List<UsageRow> query(Long keyId, Instant since) {
        List<UsageRow> out = new ArrayList<>();
        for (UsageRow row : rows) {
            if ((keyId == null || row.keyId() == keyId) && (since == null || !row.time().isBefore(since))) {
                out.add(row);
            }
        }
        return out;
    }

    /** The newest {@code maxRows} rows, oldest first (for the state file). */
    public List<UsageRow> tail(int maxRows) {
        List<UsageRow> all = new ArrayList<>(rows);
        return all.subList(Math.max(0, all.size() - maxRows), all.size());
    }

    public void restore(Collection<UsageRow> saved) {
        saved.forEach(this::append);
    }

    /** Rows appended since start, including those the capacity has dropped (a change counter). */
    public long appendedTotal() {
        return appended.get();
    }

    public int capacityRows() {
        return capacityRows;
    }
}
