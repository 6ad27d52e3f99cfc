package io.tokenbench.simulations.cli.options;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The target of {@code run} and {@code sweep} ({@code calibrate} always starts its own mock). */
public final class TargetOptions {
    @Option(
            names = "--base-url",
            paramLabel = "URL",
            converter = Converters.HttpUrl.class,
            description =
                    "target base URL (with or without /v1); the key comes from --api-key-env.%n"
                            + "  Default: none: start the embedded mock as a separate process")
    private URI baseUrl;

    public Optional<URI> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }
}
