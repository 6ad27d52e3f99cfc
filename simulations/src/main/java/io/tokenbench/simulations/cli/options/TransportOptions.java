package io.tokenbench.simulations.cli.options;

import io.tokenbench.simulations.config.Transport;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How connections are made, for every load command: TLS trust ({@code --ca-cert}, {@code
 * --insecure}), a client certificate, a proxy ({@code --proxy}, else {@code HTTPS_PROXY} / {@code
 * HTTP_PROXY} and {@code NO_PROXY} from the environment), {@code --http2}.
 */
public final class TransportOptions {
    @Option(
            names = "--ca-cert",
            paramLabel = "FILE",
            description = "PEM certificate(s) of the CA(s) to trust for an https target")
    private Path caCert;

    @Option(
            names = "--insecure",
            description =
                    "trust any server certificate (testing only: warned in the console and"
                            + " run.json)")
    private boolean insecure;

    @Option(
            names = "--client-cert",
            paramLabel = "FILE",
            description = "PEM client certificate (chain) for mutual TLS, with --client-key")
    private Path clientCert;

    @Option(
            names = "--client-key",
            paramLabel = "FILE",
            description = "PEM (PKCS#8) private key of --client-cert")
    private Path clientKey;

    @Option(
            names = "--proxy",
            paramLabel = "URL",
            description =
                    "http://host:port proxy (CONNECT tunnel).%n"
                            + "  Default: HTTPS_PROXY (https targets) or HTTP_PROXY (http targets)"
                            + " from the environment, NO_PROXY honoured")
    private URI proxy;

    @Option(
            names = "--http2",
            description =
                    "offer HTTP/2 by ALPN on https targets (HTTP/1.1 when the server declines)")
    private boolean http2;

    Transport transport(Map<String, String> env, Optional<URI> target) {
        Optional<URI> chosen = Optional.ofNullable(proxy);
        List<String> noProxy = List.of();
        // the embedded mock (no target yet) is on loopback: never proxied
        if (chosen.isEmpty() && target.isPresent()) {
            boolean https = target.map(t -> "https".equals(t.getScheme())).orElse(false);
            String fromEnv =
                    https
                            ? first(env, "HTTPS_PROXY", "https_proxy")
                            : first(env, "HTTP_PROXY", "http_proxy");
            if (fromEnv != null) {
                try {
                    chosen = Optional.of(URI.create(fromEnv.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "--proxy: the environment's "
                                    + (https ? "HTTPS_PROXY" : "HTTP_PROXY")
                                    + " is not a URL",
                            e);
                }
                String no = first(env, "NO_PROXY", "no_proxy");
                noProxy = no == null ? List.of() : Arrays.asList(no.split(","));
            }
        }
        if (chosen.isPresent() && chosen.get().getUserInfo() != null) {
            // never echoed: it holds a password
            throw new IllegalArgumentException("--proxy: proxy credentials are not supported");
        }
        return new Transport(
                Optional.ofNullable(caCert),
                insecure,
                Optional.ofNullable(clientCert),
                Optional.ofNullable(clientKey),
                chosen,
                noProxy,
                http2);
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
