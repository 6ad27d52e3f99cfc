package io.tokenbench.simulations.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How connections are made: TLS trust and client certificate, an HTTP proxy, HTTP/2.
 *
 * @param caCert PEM certificates to trust (instead of the JDK's default trust store), or empty
 * @param insecure trust every server certificate (a warning in the console and run.json)
 * @param clientCert PEM client certificate chain for mutual TLS, with {@code clientKey}
 * @param clientKey PEM (PKCS#8) private key of {@code clientCert}
 * @param proxy an {@code http://host:port} proxy (CONNECT tunnels), or empty
 * @param noProxy hosts that bypass the proxy ({@code NO_PROXY}: exact names, {@code .suffix} or
 *     {@code *})
 * @param http2 offer HTTP/2 by ALPN on https targets
 */
public record Transport(
        Optional<Path> caCert,
        boolean insecure,
        Optional<Path> clientCert,
        Optional<Path> clientKey,
        Optional<URI> proxy,
        List<String> noProxy,
        boolean http2) {
    public static final Transport DEFAULT =
            new Transport(
                    Optional.empty(),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    false);

    public Transport {
        noProxy = List.copyOf(noProxy);
        caCert.ifPresent(p -> requireReadable(p, "--ca-cert"));
        clientCert.ifPresent(p -> requireReadable(p, "--client-cert"));
        clientKey.ifPresent(p -> requireReadable(p, "--client-key"));
        if (clientCert.isPresent() != clientKey.isPresent()) {
            throw new IllegalArgumentException(
                    clientCert.isPresent()
                            ? "--client-key: is required with --client-cert"
                            : "--client-cert: is required with --client-key");
        }
        if (insecure && caCert.isPresent()) {
            throw new IllegalArgumentException(
                    "--insecure: trusts every certificate; it cannot be combined with --ca-cert");
        }
        proxy.ifPresent(
                p -> {
                    if (!"http".equals(p.getScheme()) || p.getHost() == null || p.getPort() < 1) {
                        throw new IllegalArgumentException(
                                "--proxy: '" + p + "' is not http://host:port");
                    }
                });
    }

    /** The proxy for {@code target}, unless its host matches {@link #noProxy}. */
    public Optional<URI> proxyFor(URI target) {
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase();
        for (String rule : noProxy) {
            String r = rule.strip().toLowerCase();
            if (r.equals("*")
                    || r.equals(host)
                    || (r.startsWith(".") && host.endsWith(r))
                    || (!r.isEmpty() && host.endsWith("." + r))) {
                return Optional.empty();
            }
        }
        return proxy;
    }

    /** Custom TLS settings (anything but the JDK's default trust and no client certificate). */
    public boolean customTls() {
        return caCert.isPresent() || insecure || clientCert.isPresent() || http2;
    }

    /** For run.json. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        caCert.ifPresent(p -> b.append("ca-cert ").append(p.getFileName()).append("; "));
        if (insecure) {
            b.append("INSECURE: server certificates not verified; ");
        }
        clientCert.ifPresent(p -> b.append("client-cert ").append(p.getFileName()).append("; "));
        proxy.ifPresent(
                p ->
                        b.append("proxy ")
                                .append(p.getHost())
                                .append(':')
                                .append(p.getPort())
                                .append("; "));
        if (http2) {
            b.append("http2 offered (ALPN); ");
        }
        return b.isEmpty() ? "default" : b.substring(0, b.length() - 2);
    }

    private static void requireReadable(Path p, String option) {
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException(option + ": cannot read " + p);
        }
    }
}
