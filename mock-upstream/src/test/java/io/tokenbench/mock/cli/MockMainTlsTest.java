package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --tls} options: the files written and named on stdout, and the option errors. */
class MockMainTlsTest {

    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private MockMain.Launch launch(String... args) {
        return MockMain.launch(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void tlsWritesTheFilesAndNamesThemBeforeTheHttpsUrl() throws Exception {
        Path ca = dir.resolve("ca.pem");
        Path cert = dir.resolve("client.pem");
        Path key = dir.resolve("client.key");
        MockMain.Launch launch =
                launch(
                        "--port",
                        "0",
                        "--io-threads",
                        "1",
                        "--tls",
                        "--tls-cert-out",
                        ca.toString(),
                        "--tls-client-cert-out",
                        cert.toString(),
                        "--tls-client-key-out",
                        key.toString());
        try {
            assertThat(launch.exitCode()).as(err.toString(StandardCharsets.UTF_8)).isZero();
            String port = Integer.toString(launch.mock().orElseThrow().port());
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .isEqualTo(
                            "tls ca certificate: "
                                    + ca
                                    + "\ntls client certificate: "
                                    + cert
                                    + "\ntls client key: "
                                    + key
                                    + "\nlistening on https://127.0.0.1:"
                                    + port
                                    + "\n");
            assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(Files.readString(cert)).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        } finally {
            launch.mock().ifPresent(m -> m.close(java.time.Duration.ZERO));
        }
    }

    @Test
    void tlsWithoutCertOutWritesATemporaryCaFile() throws Exception {
        MockMain.Launch launch = launch("--port", "0", "--io-threads", "1", "--tls");
        try {
            assertThat(launch.exitCode()).isZero();
            String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertThat(first).startsWith("tls ca certificate: ");
            assertThat(Files.readString(Path.of(first.substring("tls ca certificate: ".length()))))
                    .startsWith("-----BEGIN CERTIFICATE-----");
        } finally {
            launch.mock().ifPresent(m -> m.close(java.time.Duration.ZERO));
        }
    }

    @Test
    void tlsFileOptionsWithoutTlsAreErrorsNamingTheOption() {
        for (String option :
                new String[] {
                    "--tls-cert-out",
                    "--tls-client-ca",
                    "--tls-client-cert-out",
                    "--tls-client-key-out"
                }) {
            err.reset();
            MockMain.Launch launch = launch("--port", "0", option, dir.resolve("f.pem").toString());
            assertThat(launch.exitCode()).as(option).isEqualTo(2);
            assertThat(launch.mock()).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains(option)
                    .contains("applies only with --tls");
        }
    }

    @Test
    void aClientCertificateNeedsItsKeyAndAClientCaMustBeReadable() {
        MockMain.Launch half =
                launch(
                        "--port",
                        "0",
                        "--tls",
                        "--tls-client-cert-out",
                        dir.resolve("c.pem").toString());
        assertThat(half.exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tls-client-key-out");
        err.reset();
        MockMain.Launch unreadable =
                launch(
                        "--port",
                        "0",
                        "--tls",
                        "--tls-client-ca",
                        dir.resolve("missing-ca.pem").toString());
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.mock()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing-ca.pem");
    }
}
