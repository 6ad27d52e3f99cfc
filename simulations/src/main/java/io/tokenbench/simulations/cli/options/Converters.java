package io.tokenbench.simulations.cli.options;

import io.tokenbench.simulations.config.IntDistribution;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.MediaMix;
import io.tokenbench.simulations.config.ScenarioKind;
import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters of the text forms the configuration parses: each delegates to the parser of
 * its type and turns its {@link IllegalArgumentException} into a conversion error, which picocli
 * reports as {@code Invalid value for option '--load': <why>} (exit 2).
 */
public final class Converters {
    private Converters() {}

    /** {@code poisson(10/s)}, {@code steps(5/s,+5/s,x8,15s)}, {@code concurrency(8)}, ... */
    public static final class Load implements ITypeConverter<LoadModel> {
        @Override
        public LoadModel convert(String text) {
            return converted(() -> LoadModel.parse(text));
        }
    }

    /** DIST: {@code 256}, {@code uniform(64,512)}, {@code normal(300,50)}. */
    public static final class Distribution implements ITypeConverter<IntDistribution> {
        @Override
        public IntDistribution convert(String text) {
            return converted(() -> IntDistribution.parse(text));
        }
    }

    /** {@code chat=4,embeddings=10,...}: arrival rates per endpoint class. */
    public static final class Mix implements ITypeConverter<MediaMix> {
        @Override
        public MediaMix convert(String text) {
            if (text.isBlank()) {
                throw new TypeConversionException("is required (class=rate,...)");
            }
            return converted(() -> MediaMix.parse(text));
        }
    }

    /** A scenario key such as {@code non-streaming}. */
    public static final class Scenario implements ITypeConverter<ScenarioKind> {
        @Override
        public ScenarioKind convert(String text) {
            return converted(() -> ScenarioKind.parse(text));
        }
    }

    /** An http(s) URL without credentials or query (keys come from the environment only). */
    public static final class HttpUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String text) {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is not a URL");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new TypeConversionException("'" + text + "' is not an http(s) URL");
            }
            if (uri.getUserInfo() != null || uri.getQuery() != null) {
                // the URL is not echoed: it may hold a password
                throw new TypeConversionException("must not carry credentials or a query");
            }
            return uri;
        }
    }

    /** {@code true|on|yes} or {@code false|off|no}. */
    public static final class Switch implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String text) {
            return switch (text.strip()) {
                case "true", "on", "yes" -> true;
                case "false", "off", "no" -> false;
                default -> throw new TypeConversionException("'" + text + "' is not true or false");
            };
        }
    }

    /** How requests use connections ({@code --connections}). */
    public enum ConnectionMode {
        POOLED,
        PER_REQUEST
    }

    /** {@code pooled} or {@code per-request}. */
    public static final class Connections implements ITypeConverter<ConnectionMode> {
        @Override
        public ConnectionMode convert(String text) {
            return switch (text.strip()) {
                case "pooled" -> ConnectionMode.POOLED;
                case "per-request" -> ConnectionMode.PER_REQUEST;
                default ->
                        throw new TypeConversionException(
                                "'" + text + "' is not pooled or per-request");
            };
        }
    }

    private interface Parse<T> {
        T get();
    }

    private static <T> T converted(Parse<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
