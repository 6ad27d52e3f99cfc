package io.tokenbench.mock.cli;

import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.mock.tls.TlsConfig;
import io.tokenbench.options.Commands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --tls} options of {@code ./tokenbench mock} as a picocli mixin ({@code @Mixin
 * TlsOptions tls} in the command), parsed into a {@link TlsConfig}; and the lines the mock prints
 * about the files it wrote. The hand-written parser ({@code MockOptions}) reads the same options
 * with the same rules until the picocli command replaces it.
 */
public final class TlsOptions {

    static final String TLS = "--tls";
    static final String CERT_OUT = "--tls-cert-out";
    static final String CLIENT_CA = "--tls-client-ca";
    static final String CLIENT_CERT_OUT = "--tls-client-cert-out";
    static final String CLIENT_KEY_OUT = "--tls-client-key-out";

    @Option(
            names = TLS,
            description =
                    "serve HTTPS with a certificate generated at start (names localhost,"
                            + " 127.0.0.1, ::1); prints 'tls ca certificate: FILE'")
    boolean tls;

    @Option(
            names = CERT_OUT,
            paramLabel = "FILE",
            description =
                    "with --tls: write the CA certificate (PEM) clients trust to FILE (default: a"
                            + " temporary file)")
    Path caCertOut;

    @Option(
            names = CLIENT_CA,
            paramLabel = "FILE",
            description =
                    "with --tls: require client certificates issued by a CA in FILE (PEM; mutual"
                            + " TLS)")
    Path clientCa;

    @Option(
            names = CLIENT_CERT_OUT,
            paramLabel = "FILE",
            description =
                    "with --tls: issue a client certificate into FILE (PEM) and require one"
                            + " (mutual TLS); needs --tls-client-key-out")
    Path clientCertOut;

    @Option(
            names = CLIENT_KEY_OUT,
            paramLabel = "FILE",
            description =
                    "with --tls-client-cert-out: write its private key (PKCS#8 PEM, mode 600) to"
                            + " FILE")
    Path clientKeyOut;

    /**
     * The TLS settings, empty without {@code --tls}.
     *
     * @throws ParameterException (exit 2) naming a file option given without {@code --tls}, or a
     *     client certificate without its key
     */
    public Optional<TlsConfig> config(CommandSpec spec) {
        Commands.rejectUnless(
                spec,
                tls,
                "applies only with --tls",
                CERT_OUT,
                CLIENT_CA,
                CLIENT_CERT_OUT,
                CLIENT_KEY_OUT);
        if (!tls) {
            return Optional.empty();
        }
        if ((clientCertOut == null) != (clientKeyOut == null)) {
            throw new ParameterException(
                    spec.commandLine(),
                    (clientCertOut == null ? CLIENT_KEY_OUT : CLIENT_CERT_OUT)
                            + ": "
                            + CLIENT_CERT_OUT
                            + " and "
                            + CLIENT_KEY_OUT
                            + " go together (a certificate needs its key)");
        }
        return Optional.of(
                new TlsConfig(
                        Optional.ofNullable(caCertOut),
                        Optional.ofNullable(clientCa),
                        Optional.ofNullable(clientCertOut),
                        Optional.ofNullable(clientKeyOut)));
    }

    /**
     * What the mock prints on stdout before {@code listening on https://...}: the CA file, and the
     * client certificate and key files when it issued them.
     */
    public static List<String> announcements(MockUpstream mock, Optional<TlsConfig> tls) {
        List<String> lines = new ArrayList<>();
        mock.caCertificateFile().ifPresent(file -> lines.add("tls ca certificate: " + file));
        tls.flatMap(TlsConfig::clientCertOut)
                .ifPresent(file -> lines.add("tls client certificate: " + file));
        tls.flatMap(TlsConfig::clientKeyOut)
                .ifPresent(file -> lines.add("tls client key: " + file));
        return lines;
    }
}
