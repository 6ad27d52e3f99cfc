package io.tokenbench.mock.tls;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the mock serves HTTPS. The server certificate is always generated at start, signed by a
 * certificate authority also generated at start; clients trust that CA.
 *
 * @param caCertOut where to write the CA certificate (PEM); empty: a temporary file
 * @param clientCa PEM file of CA certificates whose client certificates are accepted; setting it
 *     requires a client certificate (mutual TLS)
 * @param clientCertOut where to write a client certificate (PEM) issued by the generated CA;
 *     setting it (with {@code clientKeyOut}) requires a client certificate (mutual TLS)
 * @param clientKeyOut where to write that client certificate's private key (PKCS#8 PEM, owner-only
 *     permissions where the file system has them)
 */
public record TlsConfig(
        Optional<Path> caCertOut,
        Optional<Path> clientCa,
        Optional<Path> clientCertOut,
        Optional<Path> clientKeyOut) {

    /** HTTPS with a generated certificate, the CA in a temporary file, no client certificates. */
    public static final TlsConfig DEFAULTS =
            new TlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public TlsConfig {
        Objects.requireNonNull(caCertOut, "caCertOut");
        Objects.requireNonNull(clientCa, "clientCa");
        Objects.requireNonNull(clientCertOut, "clientCertOut");
        Objects.requireNonNull(clientKeyOut, "clientKeyOut");
        if (clientCertOut.isPresent() != clientKeyOut.isPresent()) {
            throw new IllegalArgumentException(
                    "clientCertOut and clientKeyOut go together (a certificate needs its key)");
        }
    }

    /** Whether clients must present a certificate. */
    public boolean requiresClientCertificate() {
        return clientCa.isPresent() || clientCertOut.isPresent();
    }

    public TlsConfig withCaCertOut(Path value) {
        return new TlsConfig(Optional.of(value), clientCa, clientCertOut, clientKeyOut);
    }

    public TlsConfig withClientCa(Path value) {
        return new TlsConfig(caCertOut, Optional.of(value), clientCertOut, clientKeyOut);
    }

    /** Issue a client certificate into {@code cert} and its key into {@code key}. */
    public TlsConfig withClientCertificateOut(Path cert, Path key) {
        return new TlsConfig(caCertOut, clientCa, Optional.of(cert), Optional.of(key));
    }
}
