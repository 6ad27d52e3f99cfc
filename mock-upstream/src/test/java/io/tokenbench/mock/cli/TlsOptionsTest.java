package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.tls.TlsConfig;
import io.tokenbench.options.Commands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code --tls} options as the picocli mixin a command includes. */
class TlsOptionsTest {

    @Command(name = "mock")
    static final class Host implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin TlsOptions tls;
        Optional<TlsConfig> parsed;

        @Override
        public Integer call() {
            parsed = tls.config(spec);
            return 0;
        }
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Host host, String... args) {
        return Commands.run(
                Commands.create(host, "mock"),
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void tlsWithItsFilesBecomesATlsConfig() {
        Host host = new Host();
        assertThat(
                        run(
                                host,
                                "--tls",
                                "--tls-cert-out",
                                "ca.pem",
                                "--tls-client-ca",
                                "users.pem",
                                "--tls-client-cert-out",
                                "c.pem",
                                "--tls-client-key-out",
                                "c.key"))
                .isZero();
        TlsConfig tls = host.parsed.orElseThrow();
        assertThat(tls.caCertOut()).contains(Path.of("ca.pem"));
        assertThat(tls.clientCa()).contains(Path.of("users.pem"));
        assertThat(tls.clientCertOut()).contains(Path.of("c.pem"));
        assertThat(tls.clientKeyOut()).contains(Path.of("c.key"));
        assertThat(tls.requiresClientCertificate()).isTrue();
    }

    @Test
    void withoutTlsThereIsNoTlsConfigAndTheFileOptionsAreErrors() {
        Host plain = new Host();
        assertThat(run(plain)).isZero();
        assertThat(plain.parsed).isEmpty();
        for (String option :
                new String[] {
                    "--tls-cert-out",
                    "--tls-client-ca",
                    "--tls-client-cert-out",
                    "--tls-client-key-out"
                }) {
            err.reset();
            assertThat(run(new Host(), option, "f.pem")).as(option).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains(option + " applies only with --tls");
        }
    }

    @Test
    void aClientCertificateNeedsItsKey() {
        assertThat(run(new Host(), "--tls", "--tls-client-cert-out", "c.pem")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tls-client-key-out");
    }
}
