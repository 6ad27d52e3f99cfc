package io.tokenbench.mock.cli;

import io.tokenbench.mock.behavior.Dist;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.FaultSpec;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.catalog.ModelCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of the mock's value types. Each turns the domain parser's {@link
 * IllegalArgumentException} into a {@link TypeConversionException}, which picocli reports as
 * "Invalid value for option '--name': ..." (exit 2).
 */
final class MockConverters {

    private MockConverters() {}

    private static <T> T convert(String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new TypeConversionException(
                    e.getMessage() == null ? "'" + text + "' is not valid" : e.getMessage());
        }
    }

    /** A DIST of durations ({@code 200ms}, {@code uniform(20ms,40ms)}), in nanoseconds. */
    static final class DurationDist implements ITypeConverter<Dist> {
        @Override
        public Dist convert(String text) {
            return MockConverters.convert(text, DistParser::durations);
        }
    }

    /** A DIST of counts or factors ({@code 64}, {@code normal(64,8)}). */
    static final class CountDist implements ITypeConverter<Dist> {
        @Override
        public Dist convert(String text) {
            return MockConverters.convert(text, DistParser::counts);
        }
    }

    /** {@code NAME[:PARAM]=P}, for example {@code http_429=0.05} or {@code stall:3s=0.01}. */
    static final class WeightedFault implements ITypeConverter<FaultSettings.Weighted> {
        @Override
        public FaultSettings.Weighted convert(String text) {
            return MockConverters.convert(text, WeightedFault::parse);
        }

        private static FaultSettings.Weighted parse(String text) {
            int eq = text.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "'" + text + "': expected NAME[:PARAM]=PROBABILITY, e.g. http_429=0.05");
            }
            return new FaultSettings.Weighted(
                    FaultSpec.parse(text.substring(0, eq)),
                    Double.parseDouble(text.substring(eq + 1)));
        }
    }

    /** The fault names {@code --fault} takes, for its help and shell completion. */
    static final class FaultNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Fault.values()).map(Fault::wireName).iterator();
        }
    }

    /** A model catalog JSON file, read and validated when the option is parsed. */
    static final class Catalog implements ITypeConverter<ModelCatalog> {
        @Override
        public ModelCatalog convert(String text) {
            return MockConverters.convert(text, file -> ModelCatalog.fromFile(Path.of(file)));
        }
    }

    /** A probability in [0, 1]. */
    static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            double p = MockConverters.convert(text, Double::parseDouble);
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new TypeConversionException("'" + text + "' is not a probability in [0, 1]");
            }
            return p;
        }
    }

    /** Whole milliseconds, at least 0 (the {@code --*-ms} options keep their unit in the name). */
    static final class Millis implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            long ms = MockConverters.convert(text, Long::parseLong);
            if (ms < 0) {
                throw new TypeConversionException("'" + text + "' must be >= 0 milliseconds");
            }
            return Duration.ofMillis(ms);
        }
    }

    /** Credits at least 0 as micro-Credits, or {@code off} / {@code null} (no threshold). */
    static final class CreditsOrOff implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            if ("off".equals(text) || "null".equals(text)) {
                return null;
            }
            long micro = MockConverters.convert(text, t -> Credits.toMicro(new BigDecimal(t)));
            if (micro < 0) {
                throw new TypeConversionException("'" + text + "' must be >= 0 Credits or off");
            }
            return micro;
        }
    }

    /** A zone id such as {@code UTC} or {@code Asia/Shanghai}. */
    static final class Zone implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String text) {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw new TypeConversionException(
                        "'" + text + "' is not a zone id (for example UTC or Asia/Shanghai)");
            }
        }
    }
}
