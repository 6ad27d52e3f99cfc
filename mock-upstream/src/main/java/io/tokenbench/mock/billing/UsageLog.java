package io.tokenbench.mock.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The usage log: one {@link UsageRow} per request, the newest {@code capacityRows} kept. Each row
 * gets a sequence number (1, 2, ... in append order, for this process only) that readers page by
 * ({@link #page}).
 *
 * <p>Thread-safe. An append takes a short lock (numbering and linking the row, a few hundred
 * nanoseconds) so the rows are in sequence order for readers, which never lock.
 */
public final class UsageLog {

    public static final int DEFAULT_CAPACITY_ROWS = 200_000;

    /** One page of rows, oldest first; {@code lastSeq} is the cursor to read on from. */
    public record Page(List<UsageRow> rows, boolean hasMore, long lastSeq) {
        public Page {
            rows = List.copyOf(rows);
        }
    }

    private record Entry(long seq, UsageRow row) {}

    private final ConcurrentLinkedDeque<Entry> rows = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Object appendLock = new Object();
    private long appended;
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
        synchronized (appendLock) {
            rows.addLast(new Entry(++appended, row));
        }
        if (size.incrementAndGet() > capacityRows && rows.pollFirst() != null) {
            size.decrementAndGet();
        }
    }

    /**
     * Rows of {@code keyId} (all keys when null) written at or after {@code since} (all when null).
     */
    public List<UsageRow> query(Long keyId, Instant since) {
        List<UsageRow> out = new ArrayList<>();
        for (Entry entry : rows) {
            if (matches(entry.row(), keyId, since)) {
                out.add(entry.row());
            }
        }
        return out;
    }

    /**
     * At most {@code limit} rows as {@link #query} selects them with a sequence number above {@code
     * afterSeq}, oldest first, and whether more follow. Builds at most {@code limit} rows (the scan
     * over the log to find them is a filter without allocation).
     */
    public Page page(Long keyId, Instant since, long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        List<UsageRow> out = new ArrayList<>(Math.min(limit, 1024));
        long lastSeq = afterSeq;
        for (Entry entry : rows) {
            if (entry.seq() <= afterSeq || !matches(entry.row(), keyId, since)) {
                continue;
            }
            if (out.size() == limit) {
                return new Page(out, true, lastSeq);
            }
            out.add(entry.row());
            lastSeq = entry.seq();
        }
        return new Page(out, false, lastSeq);
    }

    private static boolean matches(UsageRow row, Long keyId, Instant since) {
        return (keyId == null || row.keyId() == keyId)
                && (since == null || !row.time().isBefore(since));
    }

    /** The newest {@code maxRows} rows, oldest first (for the state file). */
    public List<UsageRow> tail(int maxRows) {
        List<UsageRow> all = new ArrayList<>();
        for (Entry entry : rows) {
            all.add(entry.row());
        }
        return all.subList(Math.max(0, all.size() - maxRows), all.size());
    }

    public void restore(Collection<UsageRow> saved) {
        saved.forEach(this::append);
    }

    /** Rows appended since start, including those the capacity has dropped (a change counter). */
    public long appendedTotal() {
        synchronized (appendLock) {
            return appended;
        }
    }

    public int capacityRows() {
        return capacityRows;
    }
}
