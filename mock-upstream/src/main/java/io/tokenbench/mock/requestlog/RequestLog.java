package io.tokenbench.mock.requestlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest {@code capacity} text-generation requests, oldest first. Thread-safe: appends and
 * reads take a short lock (an array slot write; a read copies at most one page).
 */
public final class RequestLog {

    /** Entries kept by default: enough for a test, bounded for a long load run. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /** One page of entries and the cursor to continue from. */
    public record Page(List<RequestLogEntry> entries, boolean hasMore, long lastSeq) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** What {@link #append} records, before the log numbers it. */
    public record Request(
            String requestId,
            String endpoint,
            String model,
            int messageCount,
            int promptTokens,
            boolean stream,
            List<String> headerNames) {}

    private final RequestLogEntry[] ring;
    private long appended;

    public RequestLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.ring = new RequestLogEntry[capacity];
    }

    public RequestLog() {
        this(DEFAULT_CAPACITY);
    }

    public void append(Request request) {
        synchronized (ring) {
            long seq = ++appended;
            ring[(int) ((seq - 1) % ring.length)] =
                    new RequestLogEntry(
                            seq,
                            request.requestId(),
                            request.endpoint(),
                            request.model(),
                            request.messageCount(),
                            request.promptTokens(),
                            request.stream(),
                            request.headerNames());
        }
    }

    /**
     * At most {@code limit} entries with a sequence number above {@code afterSeq}, oldest first.
     */
    public Page page(long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        synchronized (ring) {
            long oldest = Math.max(1, appended - ring.length + 1);
            long from = Math.max(oldest, afterSeq + 1);
            List<RequestLogEntry> out = new ArrayList<>();
            long seq = from;
            for (; seq <= appended && out.size() < limit; seq++) {
                out.add(ring[(int) ((seq - 1) % ring.length)]);
            }
            long last = out.isEmpty() ? Math.max(afterSeq, 0) : out.get(out.size() - 1).seq();
            return new Page(out, seq <= appended, last);
        }
    }
}
