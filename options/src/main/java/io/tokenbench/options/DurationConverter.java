package io.tokenbench.options;

import java.time.Duration;
import picocli.CommandLine;

/**
 * picocli's converter for {@link Duration} options, registered by {@link Commands#create}: the one
 * {@link DurationGrammar}; picocli names the option in the error.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationGrammar.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
