package io.tokenbench.benchmarks.cli;

import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code -p NAME=V1,V2}: the values a JMH {@code @Param} takes instead of its own.
 *
 * @param name the {@code @Param} field
 * @param values at least one, none blank
 */
record ParamOverride(String name, List<String> values) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    ParamOverride {
        values = List.copyOf(values);
        if (!NAME.matcher(name).matches()
                || values.isEmpty()
                || values.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "expects NAME=V1,V2 (e.g. -p tokens=16,128), got '"
                            + name
                            + "="
                            + String.join(",", values)
                            + "'");
        }
    }

    /** picocli's converter for {@code -p}. */
    static final class Converter implements ITypeConverter<ParamOverride> {
        @Override
        public ParamOverride convert(String spec) {
            int eq = spec.indexOf('=');
            if (eq < 0) {
                throw new TypeConversionException(
                        "expects NAME=V1,V2 (e.g. -p tokens=16,128), got '" + spec + "'");
            }
            try {
                return new ParamOverride(
                        spec.substring(0, eq), List.of(spec.substring(eq + 1).split(",", -1)));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
