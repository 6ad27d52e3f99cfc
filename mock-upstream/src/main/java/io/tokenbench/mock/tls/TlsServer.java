package io.tokenbench.mock.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * The TLS side of a mock started with {@code --tls}: generates the CA and the server certificate
 * (subject alternative names {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the bind host
 * when it is a specific name or address), writes the CA certificate (and, when asked, a client
 * certificate and its key) as PEM files, and builds the server's {@link SslContext} (JDK provider,
 * TLS 1.2 and 1.3, HTTP/1.1 only; a client certificate required for mutual TLS). Immutable.
 */
public final class TlsServer {

    private final SslContext sslContext;
    private final Path caCertificateFile;
    private final TlsConfig config;

    private TlsServer(SslContext sslContext, Path caCertificateFile, TlsConfig config) {
        this.sslContext = sslContext;
        this.caCertificateFile = caCertificateFile;
        this.config = config;
    }

    /**
     * Generates the certificates, writes the files and builds the context; an {@link
     * IllegalArgumentException} names a file that cannot be read or written.
     *
     * @param bindHost the address the mock binds (added to the names when specific)
     */
    public static TlsServer create(TlsConfig config, String bindHost) {
        Objects.requireNonNull(config, "config");
        List<X509Certificate> trustedClientIssuers = new ArrayList<>();
        config.clientCa()
                .ifPresent(file -> trustedClientIssuers.addAll(PemFiles.readCertificates(file)));
        CertificateAuthority ca = new CertificateAuthority("tokenbench mock CA");
        List<String> dnsNames = new ArrayList<>(List.of("localhost"));
        List<String> ips = new ArrayList<>(List.of("127.0.0.1", "::1"));
        addBindHost(bindHost, dnsNames, ips);
        CertificateAuthority.Issued server =
                ca.issue("tokenbench mock", CertificateAuthority.Purpose.SERVER, dnsNames, ips);
        Path caFile = config.caCertOut().orElseGet(TlsServer::temporaryCaFile);
        writing(caFile, () -> PemFiles.writeCertificates(caFile, List.of(ca.certificate())));
        if (config.clientCertOut().isPresent()) {
            CertificateAuthority.Issued client =
                    ca.issue(
                            "tokenbench mock client",
                            CertificateAuthority.Purpose.CLIENT,
                            List.of(),
                            List.of());
            Path certFile = config.clientCertOut().get();
            Path keyFile = config.clientKeyOut().orElseThrow();
            writing(
                    certFile,
                    () -> PemFiles.writeCertificates(certFile, List.of(client.certificate())));
            writing(keyFile, () -> PemFiles.writePrivateKey(keyFile, client.keys().getPrivate()));
            trustedClientIssuers.add(ca.certificate());
        }
        try {
            SslContextBuilder builder =
                    SslContextBuilder.forServer(
                                    server.keys().getPrivate(),
                                    server.certificate(),
                                    ca.certificate())
                            .sslProvider(SslProvider.JDK)
                            .protocols("TLSv1.3", "TLSv1.2");
            if (config.requiresClientCertificate()) {
                builder.clientAuth(ClientAuth.REQUIRE)
                        .trustManager(trustedClientIssuers.toArray(X509Certificate[]::new));
            }
            return new TlsServer(builder.build(), caFile, config);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    public SslContext sslContext() {
        return sslContext;
    }

    /** The PEM file holding the CA certificate clients trust. */
    public Path caCertificateFile() {
        return caCertificateFile;
    }

    public TlsConfig config() {
        return config;
    }

    private static void addBindHost(String host, List<String> dnsNames, List<String> ips) {
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("*")) {
            return;
        }
        boolean literal =
                host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        if (literal) {
            try {
                String normalized = InetAddress.getByName(host).getHostAddress();
                if (!ips.contains(normalized) && !ips.contains(host)) {
                    ips.add(host);
                }
            } catch (UnknownHostException e) {
                // not a usable literal: the bind will fail with its own message
            }
        } else if (!dnsNames.contains(host)) {
            dnsNames.add(host);
        }
    }

    private static Path temporaryCaFile() {
        try {
            Path file = Files.createTempFile("tokenbench-mock-ca-", ".pem");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for the CA", e);
        }
    }

    private static void writing(Path file, Runnable write) {
        try {
            write.run();
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(
                    "cannot write " + file + " (" + e.getCause().getClass().getSimpleName() + ")",
                    e);
        }
    }
}
