package io.tokenbench.reports.model;

/**
 * How load was generated: open (arrival rate, measured from t_sched, free of coordinated omission)
 * or closed (fixed concurrency; latencies carry coordinated omission). Printed in every report
 * header.
 */
public sealed interface LoadModel permits LoadModel.Open, LoadModel.Closed {

    /** {@code "open"} or {@code "closed"}. */
    String type();

    /** One line for report headers, e.g. {@code open, 20.0 req/s offered}. */
    String describe();

    /** Open model: arrivals at {@code ratePerSecond} regardless of responses. */
    record Open(double ratePerSecond) implements LoadModel {
        public Open {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException(
                        "rate must be a positive number of requests/s: " + ratePerSecond);
            }
        }

        @Override
        public String type() {
            return "open";
        }

        @Override
        public String describe() {
            return "open, " + ratePerSecond + " req/s offered";
        }
    }

    /** Closed model: {@code concurrency} callers, each sending when the previous answer ended. */
    record Closed(int concurrency) implements LoadModel {
        public Closed {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
            }
        }

        @Override
        public String type() {
            return "closed";
        }

        @Override
        public String describe() {
            return "closed, "
                    + concurrency
                    + " concurrent callers (coordinated omission not corrected)";
        }
    }
}
