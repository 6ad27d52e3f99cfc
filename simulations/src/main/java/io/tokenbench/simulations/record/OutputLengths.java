package io.tokenbench.simulations.record;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requested vs received output length of one lane's successful requests (warm-up included): the
 * max-tokens value sent against the server's reported completion tokens. Thread-safe.
 */
public final class OutputLengths {
    private final LongAdder requests = new LongAdder();
    private final LongAdder requestedTokens = new LongAdder();
    private final LongAdder receivedTokens = new LongAdder();
    private final LongAdder short_ = new LongAdder();

    /** One successful request that asked for {@code requested} and got {@code received} tokens. */
    public void record(int requested, long received) {
        if (received < 0) {
            return; // no usage reported: nothing to compare
        }
        requests.increment();
        requestedTokens.add(requested);
        receivedTokens.add(received);
        if (received < requested) {
            short_.increment();
        }
    }

    public long requests() {
        return requests.sum();
    }

    public long requestedTokens() {
        return requestedTokens.sum();
    }

    public long receivedTokens() {
        return receivedTokens.sum();
    }

    /** Requests that received fewer tokens than they asked for (EOS or a server cap). */
    public long shortRequests() {
        return short_.sum();
    }

    /**
     * The console line, e.g. {@code output length: requested mean 128.0, received mean 97.5 ...}.
     */
    public String describe() {
        long n = requests();
        if (n == 0) {
            return "output length: no successful request reported usage";
        }
        double req = (double) requestedTokens() / n;
        double rec = (double) receivedTokens() / n;
        return String.format(
                Locale.ROOT,
                "output length: requested mean %.1f tokens, received mean %.1f (%.1f%%), %d of %d"
                        + " requests received fewer than requested",
                req,
                rec,
                100.0 * rec / req,
                shortRequests(),
                n);
    }

    /** For {@code output-length.json} in the run folder. */
    public String toJson() {
        long n = requests();
        return String.format(
                Locale.ROOT,
                "{\"requests\":%d,\"requested_tokens\":%d,\"received_tokens\":%d,"
                        + "\"requests_short\":%d,\"requested_mean\":%s,\"received_mean\":%s}%n",
                n,
                requestedTokens(),
                receivedTokens(),
                shortRequests(),
                n == 0 ? "null" : Double.toString((double) requestedTokens() / n),
                n == 0 ? "null" : Double.toString((double) receivedTokens() / n));
    }
}
