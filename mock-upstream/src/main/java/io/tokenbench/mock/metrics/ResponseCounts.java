package io.tokenbench.mock.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Responses sent, by route and HTTP status. Routes are a fixed list of path prefixes given at
 * construction, plus {@value #OTHER} for any other path; {@link #count} is an array increment (no
 * lookup, no allocation), {@link #routeOf} a scan of the few prefixes. Thread-safe.
 */
public final class ResponseCounts {

    /** The route label of paths outside every known prefix (and of malformed requests). */
    public static final String OTHER = "other";

    private static final int MIN_STATUS = 100;
    private static final int STATUSES = 500; // 100..599

    private final String[] routes;
    private final AtomicLongArray counts;

    /**
     * @param prefixes the routes, as path prefixes without trailing slash ({@code /v1/models} also
     *     covers {@code /v1/models/gpt-4o})
     */
    public ResponseCounts(List<String> prefixes) {
        List<String> all = new ArrayList<>(prefixes);
        all.add(OTHER);
        this.routes = all.toArray(String[]::new);
        this.counts = new AtomicLongArray(routes.length * STATUSES);
    }

    /** The index of {@link #OTHER}. */
    public int other() {
        return routes.length - 1;
    }

    /**
     * The route of a request URI (path and query): the first prefix it equals or starts with
     * followed by {@code /} or {@code ?}; else {@link #other()}.
     */
    public int routeOf(String uri) {
        for (int i = 0; i < routes.length - 1; i++) {
            String prefix = routes[i];
            if (uri.startsWith(prefix)) {
                if (uri.length() == prefix.length()) {
                    return i;
                }
                char next = uri.charAt(prefix.length());
                if (next == '/' || next == '?') {
                    return i;
                }
            }
        }
        return other();
    }

    /** Counts one response of {@code route} with {@code status} (ignored outside 100..599). */
    public void count(int route, int status) {
        if (route < 0 || route >= routes.length || status < MIN_STATUS || status > 599) {
            return;
        }
        counts.incrementAndGet(route * STATUSES + status - MIN_STATUS);
    }

    /** Receives one non-zero count. */
    public interface Visitor {
        void count(String route, int status, long count);
    }

    /** Visits every (route, status) counted at least once. */
    public void forEach(Visitor visitor) {
        for (int r = 0; r < routes.length; r++) {
            for (int s = 0; s < STATUSES; s++) {
                long n = counts.get(r * STATUSES + s);
                if (n > 0) {
                    visitor.count(routes[r], s + MIN_STATUS, n);
                }
            }
        }
    }
}
