package io.tokenbench.mock.billing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The platform's usage statistics: Credits, requests and successes per key and per model, kept as
 * running totals so they do not depend on how much of the log is retained.
 *
 * <p>Thread-safe; updates are non-blocking.
 */
public final class UsageStats {

    /** Running totals of one key or model. */
    public static final class Totals {
        final LongAdder requests = new LongAdder();
        final LongAdder succeeded = new LongAdder();
        final LongAdder creditsMicro = new LongAdder();
        final LongAdder promptTokens = new LongAdder();
        final LongAdder completionTokens = new LongAdder();

        void add(long requestCount, long successCount, long credits, long prompt, long completion) {
            requests.add(requestCount);
            succeeded.add(successCount);
            creditsMicro.add(credits);
            promptTokens.add(prompt);
            completionTokens.add(completion);
        }

        public Snapshot snapshot() {
            return new Snapshot(
                    requests.sum(),
                    succeeded.sum(),
                    creditsMicro.sum(),
                    promptTokens.sum(),
                    completionTokens.sum());
        }
    }

    /** A point-in-time copy of {@link Totals}. */
    public record Snapshot(
            long requests,
            long succeeded,
            long creditsMicro,
            long promptTokens,
            long completionTokens) {
        /** Succeeded / requests, 0 when there were none. */
        public double successRate() {
            return requests == 0 ? 0.0 : (double) succeeded / requests;
        }
    }

    private final ConcurrentHashMap<Long, Totals> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Totals> byModel = new ConcurrentHashMap<>();

    public void record(UsageRow row) {
        long success = row.succeeded() ? 1 : 0;
        byKey.computeIfAbsent(row.keyId(), k -> new Totals())
                .add(1, success, row.creditsMicro(), row.promptTokens(), row.completionTokens());
        if (row.model() != null) {
            byModel.computeIfAbsent(row.model(), m -> new Totals())
                    .add(
                            1,
                            success,
                            row.creditsMicro(),
                            row.promptTokens(),
                            row.completionTokens());
        }
    }

    public Map<Long, Snapshot> perKey() {
        Map<Long, Snapshot> out = new TreeMap<>();
        byKey.forEach((k, t) -> out.put(k, t.snapshot()));
        return out;
    }

    public Map<String, Snapshot> perModel() {
        Map<String, Snapshot> out = new TreeMap<>();
        byModel.forEach((m, t) -> out.put(m, t.snapshot()));
        return out;
    }

    /** Restores totals saved from {@link #perKey()} and {@link #perModel()}. */
    public void restore(Map<Long, Snapshot> keys, Map<String, Snapshot> models) {
        keys.forEach(
                (k, s) ->
                        byKey.computeIfAbsent(k, x -> new Totals())
                                .add(
                                        s.requests(),
                                        s.succeeded(),
                                        s.creditsMicro(),
                                        s.promptTokens(),
                                        s.completionTokens()));
        models.forEach(
                (m, s) ->
                        byModel.computeIfAbsent(m, x -> new Totals())
                                .add(
                                        s.requests(),
                                        s.succeeded(),
                                        s.creditsMicro(),
                                        s.promptTokens(),
                                        s.completionTokens()));
    }
}
