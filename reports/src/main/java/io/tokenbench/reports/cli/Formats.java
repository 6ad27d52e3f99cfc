package io.tokenbench.reports.cli;

import io.tokenbench.reports.format.OutputFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format}: the formats a command can print, as picocli converters that also list them for
 * help and completion. {@code md} is accepted for {@code markdown}.
 */
final class Formats {

    private Formats() {}

    /** What {@code report} and {@code compare} print. */
    static final class Summary extends Allowed {
        Summary() {
            super(List.of(OutputFormat.TEXT, OutputFormat.MARKDOWN, OutputFormat.JSON));
        }
    }

    /** What {@code gate} prints. */
    static final class Gate extends Allowed {
        Gate() {
            super(
                    List.of(
                            OutputFormat.TEXT,
                            OutputFormat.MARKDOWN,
                            OutputFormat.JSON,
                            OutputFormat.JUNIT));
        }
    }

    private abstract static class Allowed
            implements ITypeConverter<OutputFormat>, Iterable<String> {
        private final List<OutputFormat> allowed;

        Allowed(List<OutputFormat> allowed) {
            this.allowed = allowed;
        }

        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.fromCliName(value)
                    .filter(allowed::contains)
                    .orElseThrow(
                            () ->
                                    new TypeConversionException(
                                            "'"
                                                    + value
                                                    + "' is not one of "
                                                    + String.join(", ", this)));
        }

        @Override
        public Iterator<String> iterator() {
            return allowed.stream()
                    .map(OutputFormat::cliName)
                    .collect(Collectors.toList())
                    .iterator();
        }
    }
}
