package io.tokenbench.simulations.config;

import io.tokenbench.options.DurationGrammar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How load is offered: open (arrival rate; the harness measures from each request's scheduled
 * start) or closed (a fixed number of concurrent users, each sending its next request when the
 * previous one ends; subject to coordinated omission and labelled so). Printed in every report
 * header.
 *
 * <p>Text forms, parsed by {@link #parse}: {@code poisson(10/s)}, {@code constant(10/s)}, {@code
 * ramp(1/s..20/s)}, {@code steps(5/s,+5/s,x6,20s)}, {@code spike(5/s,50/s,at=20s,for=10s)}, {@code
 * concurrency(8)}, and for the sweep only {@code steps(concurrency 8,+8,x6,20s)}.
 */
public sealed interface LoadModel {

    /** True for arrival-rate models, false for the closed concurrency model. */
    boolean open();

    /** The load model as {@link #parse} reads it. */
    String describe();

    /** The peak arrival rate in requests per second (for closed models: NaN). */
    double peakRatePerSec();

    /**
     * The mean arrival rate over a run of {@code length}, in requests per second (closed models:
     * NaN).
     */
    default double meanRatePerSec(Duration length) {
        if (!open()) {
            return Double.NaN;
        }
        long steps = 1000;
        long lengthNanos = length.toNanos();
        double sum = 0;
        for (long i = 0; i < steps; i++) {
            sum += rateAt((2 * i + 1) * lengthNanos / (2 * steps), lengthNanos);
        }
        return sum / steps;
    }

    /**
     * The arrival rate in requests per second at {@code tNanos} into a run of {@code lengthNanos}.
     *
     * @throws IllegalStateException for the closed model, which has no arrival rate
     */
    default double rateAt(long tNanos, long lengthNanos) {
        if (this instanceof ConstantRate c) {
            return c.ratePerSec();
        }
        if (this instanceof Ramp r) {
            return r.fromRatePerSec()
                    + (r.toRatePerSec() - r.fromRatePerSec()) * tNanos / (double) lengthNanos;
        }
        if (this instanceof Steps s) {
            int level = (int) Math.min(s.count() - 1, tNanos / s.stepDuration().toNanos());
            return s.rateOfLevel(level);
        }
        if (this instanceof Spike s) {
            long at = s.at().toNanos();
            boolean inSpike = tNanos >= at && tNanos < at + s.length().toNanos();
            return inSpike ? s.spikeRatePerSec() : s.baseRatePerSec();
        }
        throw new IllegalStateException("not an open model: " + describe());
    }

    /**
     * A recorded trace replayed on its own timestamps, divided by {@code speed} ({@code
     * trace(FILE)}, {@code --trace-speed}); open model, each arrival with the trace's lengths.
     */
    record Trace(Path file, double speed, TraceRequests requests) implements LoadModel {
        public Trace {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("--trace-speed: must be > 0, got " + speed);
            }
        }

        /** The same trace at another speed. */
        public Trace withSpeed(double s) {
            return new Trace(file, s, requests);
        }

        /**
         * From the first arrival to {@value #TAIL_MILLIS} ms after the last, at this speed: the
         * schedule starts 50 ms after the run's clock (Pacer.LEAD_NANOS) while the measured window
         * is on t_sched from the clock's start, so without the tail the last arrivals would count
         * as cool-down.
         */
        public Duration length() {
            return Duration.ofNanos((long) Math.ceil(requests.spanMicros() * 1000 / speed))
                    .plusMillis(TAIL_MILLIS);
        }

        /** The window's margin after the last arrival. */
        public static final long TAIL_MILLIS = 100;

        /** Arrival {@code i}'s offset at this speed, in nanoseconds. */
        public long offsetNanos(int i) {
            return (long) (requests.row(i).offsetMicros() * 1000 / speed);
        }

        @Override
        public boolean open() {
            return true;
        }

        @Override
        public String describe() {
            return "trace(" + file + ")" + (speed == 1 ? "" : " at " + fmt(speed) + "x");
        }

        @Override
        public double peakRatePerSec() {
            return meanRatePerSec(length());
        }

        @Override
        public double meanRatePerSec(Duration runLength) {
            return requests.size() / Math.max(1e-9, length().toNanos() / 1e9);
        }
    }

    /** Constant rate; {@code poisson} draws exponential gaps, otherwise the gaps are equal. */
    record ConstantRate(double ratePerSec, boolean poisson) implements LoadModel {
        public ConstantRate {
            requirePositive(ratePerSec);
        }

        @Override
        public boolean open() {
            return true;
        }

        @Override
        public String describe() {
            return (poisson ? "poisson(" : "constant(") + fmt(ratePerSec) + "/s)";
        }

        @Override
        public double peakRatePerSec() {
            return ratePerSec;
        }
    }

    /** Linear ramp from one rate to another over the whole run (Poisson arrivals). */
    record Ramp(double fromRatePerSec, double toRatePerSec) implements LoadModel {
        public Ramp {
            if (fromRatePerSec < 0 || toRatePerSec <= 0) {
                throw new IllegalArgumentException("rates must be >= 0 (from) and > 0 (to)");
            }
        }

        @Override
        public boolean open() {
            return true;
        }

        @Override
        public String describe() {
            return "ramp(" + fmt(fromRatePerSec) + "/s.." + fmt(toRatePerSec) + "/s)";
        }

        @Override
        public double peakRatePerSec() {
            return Math.max(fromRatePerSec, toRatePerSec);
        }
    }

    /** Load in levels, one run per level ({@code ./tokenbench sweep}). */
    sealed interface Stepped extends LoadModel {
        int count();

        Duration stepDuration();

        /** The load of level {@code index} (0-based): a Poisson rate or a concurrency. */
        LoadModel levelLoad(int index);

        /** A name for level {@code index} in folder names: {@code 5rps}, {@code 8users}. */
        String levelLabel(int index);
    }

    /**
     * Concurrency steps for the sweep: {@code startUsers}, +{@code incrementUsers}, ... for {@code
     * count} levels of {@code stepDuration}, each level a closed run. Written {@code
     * steps(concurrency 8,+8,x6,20s)}.
     */
    record UserSteps(int startUsers, int incrementUsers, int count, Duration stepDuration)
            implements Stepped {
        public UserSteps {
            if (startUsers < 1
                    || incrementUsers < 0
                    || count < 1
                    || stepDuration.isNegative()
                    || stepDuration.isZero()) {
                throw new IllegalArgumentException(
                        "need start >= 1 user, increment >= 0, count >= 1, step duration > 0");
            }
        }

        public int usersOfLevel(int index) {
            return startUsers + index * incrementUsers;
        }

        @Override
        public LoadModel levelLoad(int index) {
            return new Concurrency(usersOfLevel(index));
        }

        @Override
        public String levelLabel(int index) {
            return usersOfLevel(index) + "users";
        }

        @Override
        public boolean open() {
            return false;
        }

        @Override
        public String describe() {
            return "steps(concurrency "
                    + startUsers
                    + ",+"
                    + incrementUsers
                    + ",x"
                    + count
                    + ","
                    + DurationGrammar.format(stepDuration)
                    + ")";
        }

        @Override
        public double peakRatePerSec() {
            return Double.NaN;
        }
    }

    /**
     * Rate steps: start, start+increment, ... for {@code count} levels of {@code stepDuration}
     * each.
     */
    record Steps(double startRatePerSec, double incrementPerSec, int count, Duration stepDuration)
            implements Stepped {
        public Steps {
            requirePositive(startRatePerSec);
            if (incrementPerSec < 0
                    || count < 1
                    || stepDuration.isNegative()
                    || stepDuration.isZero()) {
                throw new IllegalArgumentException(
                        "need increment >= 0, count >= 1, step duration > 0");
            }
        }

        /** Rate of level {@code index} (0-based). */
        public double rateOfLevel(int index) {
            return startRatePerSec + index * incrementPerSec;
        }

        @Override
        public LoadModel levelLoad(int index) {
            return new ConstantRate(rateOfLevel(index), true);
        }

        @Override
        public String levelLabel(int index) {
            return fmt(rateOfLevel(index)) + "rps";
        }

        @Override
        public boolean open() {
            return true;
        }

        @Override
        public String describe() {
            return "steps("
                    + fmt(startRatePerSec)
                    + "/s,+"
                    + fmt(incrementPerSec)
                    + "/s,x"
                    + count
                    + ","
                    + DurationGrammar.format(stepDuration)
                    + ")";
        }

        @Override
        public double peakRatePerSec() {
            return rateOfLevel(count - 1);
        }
    }

    /**
     * A base Poisson rate with one burst at {@code peakRatePerSec} from {@code at} for {@code
     * length}.
     */
    record Spike(double baseRatePerSec, double spikeRatePerSec, Duration at, Duration length)
            implements LoadModel {
        public Spike {
            requirePositive(baseRatePerSec);
            requirePositive(spikeRatePerSec);
            if (at.isNegative() || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("need at >= 0 and for > 0");
            }
        }

        @Override
        public boolean open() {
            return true;
        }

        @Override
        public String describe() {
            return "spike("
                    + fmt(baseRatePerSec)
                    + "/s,"
                    + fmt(spikeRatePerSec)
                    + "/s,at="
                    + DurationGrammar.format(at)
                    + ",for="
                    + DurationGrammar.format(length)
                    + ")";
        }

        @Override
        public double peakRatePerSec() {
            return Math.max(baseRatePerSec, spikeRatePerSec);
        }
    }

    /** Closed model: this many users loop request after request. */
    record Concurrency(int users) implements LoadModel {
        public Concurrency {
            if (users < 1) {
                throw new IllegalArgumentException("users must be >= 1, got " + users);
            }
        }

        @Override
        public boolean open() {
            return false;
        }

        @Override
        public String describe() {
            return "concurrency(" + users + ")";
        }

        @Override
        public double peakRatePerSec() {
            return Double.NaN;
        }
    }

    String RATE = "(\\d+(?:\\.\\d+)?)/s";
    Pattern CONSTANT = Pattern.compile("(poisson|constant)\\(" + RATE + "\\)");
    Pattern RAMP = Pattern.compile("ramp\\(" + RATE + "\\.\\." + RATE + "\\)");
    Pattern STEPS = Pattern.compile("steps\\(" + RATE + ",\\+" + RATE + ",x(\\d+),([^,)]+)\\)");
    Pattern SPIKE =
            Pattern.compile("spike\\(" + RATE + "," + RATE + ",at=([^,)]+),for=([^,)]+)\\)");
    Pattern CONCURRENCY = Pattern.compile("concurrency\\((\\d+)\\)");
    Pattern TRACE = Pattern.compile("trace\\((.+)\\)");
    Pattern USER_STEPS = Pattern.compile("steps\\(concurrency(\\d+),\\+(\\d+),x(\\d+),([^,)]+)\\)");

    /**
     * Parses the text forms of the class comment (durations in {@link DurationGrammar}'s units).
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    static LoadModel parse(String text) {
        String t = text.replace(" ", "");
        try {
            Matcher m;
            if ((m = TRACE.matcher(text.strip())).matches()) {
                Path file = Path.of(m.group(1).strip());
                return new Trace(file, 1.0, TraceRequests.read(file));
            }
            if ((m = CONSTANT.matcher(t)).matches()) {
                return new ConstantRate(
                        Double.parseDouble(m.group(2)), m.group(1).equals("poisson"));
            }
            if ((m = RAMP.matcher(t)).matches()) {
                return new Ramp(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
            }
            if ((m = STEPS.matcher(t)).matches()) {
                return new Steps(
                        Double.parseDouble(m.group(1)),
                        Double.parseDouble(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        DurationGrammar.parse(m.group(4)));
            }
            if ((m = SPIKE.matcher(t)).matches()) {
                return new Spike(
                        Double.parseDouble(m.group(1)),
                        Double.parseDouble(m.group(2)),
                        DurationGrammar.parse(m.group(3)),
                        DurationGrammar.parse(m.group(4)));
            }
            if ((m = USER_STEPS.matcher(t)).matches()) {
                return new UserSteps(
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        DurationGrammar.parse(m.group(4)));
            }
            if ((m = CONCURRENCY.matcher(t)).matches()) {
                return new Concurrency(Integer.parseInt(m.group(1)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(
                "unknown load model '"
                        + text
                        + "' (use poisson(10/s), "
                        + "constant(10/s), ramp(1/s..20/s), steps(5/s,+5/s,x6,20s), spike(5/s,50/s,at=20s,for=10s) "
                        + "concurrency(8) or trace(FILE))");
    }

    private static void requirePositive(double ratePerSec) {
        if (!(ratePerSec > 0) || Double.isInfinite(ratePerSec)) {
            throw new IllegalArgumentException("rate must be > 0, got " + ratePerSec);
        }
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
