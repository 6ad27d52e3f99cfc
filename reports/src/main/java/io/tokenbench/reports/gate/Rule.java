package io.tokenbench.reports.gate;

import io.tokenbench.reports.model.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * One gate rule: {@code quantity op threshold}, e.g. {@code ttft_sched.p99 <= 800ms} or {@code
 * ttft_sched.p99 <= baseline + 10%}.
 *
 * @param text the rule as written (trimmed, without its hint)
 * @param line line number in the rules file (0 for built-in rules)
 * @param quantity what is measured
 * @param op comparison
 * @param threshold absolute value or baseline expression
 * @param hint explicit hint from the rules file
 */
public record Rule(
        String text,
        int line,
        Quantity quantity,
        Op op,
        Threshold threshold,
        Optional<String> hint) {

    public Rule {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(hint, "hint");
    }

    /** Comparison operators. */
    public enum Op {
        LE("<="),
        LT("<"),
        GE(">="),
        GT(">");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /**
         * How far {@code actual} is on the wrong side of {@code limit}: positive = violated (or on
         * the limit for strict operators, which {@link #violated} handles), negative = margin to
         * spare.
         */
        public double margin(double actual, double limit) {
            return this == LE || this == LT ? actual - limit : limit - actual;
        }

        public boolean violated(double margin) {
            return this == LE || this == GE ? margin > 0 : margin >= 0;
        }
    }

    /** Right-hand side of a rule. */
    public sealed interface Threshold {
        /** The limit for a given baseline value (ignored by absolute thresholds). */
        double limit(double baseline);

        boolean needsBaseline();
    }

    /** A fixed value in the quantity's unit. */
    public record Absolute(double value) implements Threshold {
        public double limit(double baseline) {
            return value;
        }

        public boolean needsBaseline() {
            return false;
        }
    }

    /**
     * {@code baseline}, {@code baseline +/- x%}, {@code baseline +/- x<unit>} or {@code baseline *
     * f}.
     */
    public record Relative(Kind kind, double amount) implements Threshold {
        public enum Kind {
            PERCENT,
            OFFSET,
            FACTOR
        }

        public double limit(double baseline) {
            return switch (kind) {
                case PERCENT -> baseline * (1 + amount / 100.0);
                case OFFSET -> baseline + amount;
                case FACTOR -> baseline * amount;
            };
        }

        public boolean needsBaseline() {
            return true;
        }
    }
}
