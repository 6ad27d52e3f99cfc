package io.tokenbench.mock.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Sizes such as {@code 25MiB}, {@code 16KiB}, {@code 1048576} (bytes), for {@code --max-body} and
 * {@code --max-header}; at most 2 GiB (a Netty aggregator's {@code int}).
 */
final class ByteSize implements ITypeConverter<Integer> {
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final Map<String, Long> UNITS =
            Map.of(
                    "",
                    1L,
                    "b",
                    1L,
                    "kib",
                    KIB,
                    "kb",
                    1000L,
                    "mib",
                    MIB,
                    "mb",
                    1_000_000L,
                    "gib",
                    1024 * MIB);

    @Override
    public Integer convert(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < lower.length() && Character.isDigit(lower.charAt(split))) {
            split++;
        }
        Long unit = UNITS.get(lower.substring(split));
        if (split == 0 || split > 10 || unit == null) {
            throw new TypeConversionException(
                    "'" + text + "' is not a size: write one such as 25MiB, 16KiB or 1048576");
        }
        long bytes = Long.parseLong(lower.substring(0, split)) * unit;
        if (bytes > Integer.MAX_VALUE) {
            throw new TypeConversionException("'" + text + "' is too large: at most 2 GiB");
        }
        return (int) bytes;
    }

    /** {@code bytes} as {@link #convert} reads it back, in the largest exact binary unit. */
    static String format(int bytes) {
        if (bytes > 0 && bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        if (bytes > 0 && bytes % KIB == 0) {
            return bytes / KIB + "KiB";
        }
        return Integer.toString(bytes);
    }
}
