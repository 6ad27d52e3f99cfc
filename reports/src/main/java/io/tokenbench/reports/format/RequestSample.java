package io.tokenbench.reports.format;

import io.tokenbench.reports.model.RunFolder;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RequestLogReader;
import io.tokenbench.reports.record.RequestRecord;
import io.tokenbench.reports.record.RequestTimeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the report draws from {@code requests.jsonl.gz}: input and output lengths of the measured
 * requests, a sample of (output tokens, e2e) points per endpoint class for the scatter, and the
 * send and end times of every request (all phases) for requests in flight.
 */
final class RequestSample {

    /** The scatter keeps at most this many points per class (a reservoir with a fixed seed). */
    static final int MAX_SCATTER_POINTS = 4000;

    /** Lengths and points of one endpoint class. */
    static final class ClassSample {
        final LongList inputTokens = new LongList();
        final LongList outputTokens = new LongList();
        final double[][] scatter = new double[MAX_SCATTER_POINTS][];
        long scatterSeen;
        int scatterSize;
    }

    /** A growable array of longs (no boxing: runs have millions of requests). */
    static final class LongList {
        long[] values = new long[256];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    final Map<EndpointClass, ClassSample> byClass = new EnumMap<>(EndpointClass.class);

    /** Epoch ms at which a request went in flight, and when it left (NaN: unknown end). */
    final List<double[]> flights = new ArrayList<>();

    long records;
    private final SplittableRandom rnd = new SplittableRandom(20_261_206L);

    private RequestSample() {}

    /** The sample of a run folder, or empty when it has no request log. */
    static Optional<RequestSample> read(String source) {
        Path file;
        try {
            file = Path.of(source).resolve(RunFolder.REQUESTS_JSONL_GZ);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        RequestSample s = new RequestSample();
        try {
            RequestLogReader.forEach(file, s::add);
        } catch (RuntimeException e) {
            // a malformed log is flagged by the loader (request_log_mismatch); the charts skip it
            return Optional.empty();
        }
        return s.records == 0 ? Optional.empty() : Optional.of(s);
    }

    private void add(RequestRecord r) {
        records++;
        if (!Double.isNaN(r.tSendEpochMillis())) {
            double end =
                    !Double.isNaN(r.e2eMillis())
                            ? r.tSendEpochMillis() + r.e2eMillis()
                            : !Double.isNaN(r.ttfbMillis())
                                    ? r.tSendEpochMillis() + r.ttfbMillis()
                                    : Double.NaN;
            flights.add(new double[] {r.tSendEpochMillis(), end});
        }
        if (!r.measured() || !r.outcome().isSuccess()) {
            return;
        }
        ClassSample c = byClass.computeIfAbsent(r.endpoint(), e -> new ClassSample());
        if (r.inputTokens() != RequestTimeline.UNKNOWN) {
            c.inputTokens.add(r.inputTokens());
        }
        long out =
                r.outputTokens() != RequestTimeline.UNKNOWN
                        ? r.outputTokens()
                        : r.outputTokensCounted();
        if (out != RequestTimeline.UNKNOWN) {
            c.outputTokens.add(out);
            if (!Double.isNaN(r.e2eMillis())) {
                double[] point = {out, r.e2eMillis()};
                c.scatterSeen++;
                if (c.scatterSize < MAX_SCATTER_POINTS) {
                    c.scatter[c.scatterSize++] = point;
                } else {
                    long j = rnd.nextLong(c.scatterSeen);
                    if (j < MAX_SCATTER_POINTS) {
                        c.scatter[(int) j] = point;
                    }
                }
            }
        }
    }

    /**
     * Requests in flight at each time (epoch ms): sent before it and not yet ended; requests whose
     * end is unknown (no response at all) are left out.
     */
    double[] inFlightAt(double[] timesEpochMillis) {
        int n = 0;
        double[] starts = new double[flights.size()];
        double[] ends = new double[flights.size()];
        for (double[] f : flights) {
            if (!Double.isNaN(f[1])) {
                starts[n] = f[0];
                ends[n] = f[1];
                n++;
            }
        }
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        Arrays.sort(starts);
        Arrays.sort(ends);
        double[] out = new double[timesEpochMillis.length];
        for (int i = 0; i < timesEpochMillis.length; i++) {
            out[i] =
                    countAtOrBelow(starts, timesEpochMillis[i])
                            - countAtOrBelow(ends, timesEpochMillis[i]);
        }
        return out;
    }

    private static int countAtOrBelow(double[] sorted, double t) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
