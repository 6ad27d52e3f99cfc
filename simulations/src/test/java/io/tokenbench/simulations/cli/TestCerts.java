package io.tokenbench.simulations.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test helper: self-signed certificates made with the JDK's {@code keytool} (no extra library): a
 * server certificate for 127.0.0.1 and a client certificate, each as a PKCS#12 store and as PEM
 * files (certificate, PKCS#8 key) for tokenbench's options.
 */
final class TestCerts {
    private static final char[] PASSWORD = "changeit".toCharArray();

    final Path serverStore;
    final Path serverCertPem;
    final Path clientStore;
    final Path clientCertPem;
    final Path clientKeyPem;

    private TestCerts(Path dir) throws Exception {
        serverStore = dir.resolve("server.p12");
        clientStore = dir.resolve("client.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                serverStore.toString(),
                "-storepass",
                new String(PASSWORD));
        keytool(
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=tokenbench-client",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                clientStore.toString(),
                "-storepass",
                new String(PASSWORD));
        serverCertPem = pem(serverStore, "server", dir.resolve("server.pem"));
        clientCertPem = pem(clientStore, "client", dir.resolve("client.pem"));
        clientKeyPem = keyPem(clientStore, "client", dir.resolve("client.key"));
    }

    static TestCerts create(Path dir) throws Exception {
        return new TestCerts(dir);
    }

    /** The server's TLS context; with {@code trustClient} it trusts the client certificate. */
    SSLContext serverContext(boolean trustClient) throws Exception {
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(serverStore), PASSWORD);
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        if (trustClient) {
            trust.setCertificateEntry("client", load(clientStore).getCertificate("client"));
        }
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static KeyStore load(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    private static Path pem(Path store, String alias, Path out) throws Exception {
        Certificate c = load(store).getCertificate(alias);
        return Files.writeString(out, block("CERTIFICATE", c.getEncoded()));
    }

    private static Path keyPem(Path store, String alias, Path out) throws Exception {
        Key k = load(store).getKey(alias, PASSWORD);
        return Files.writeString(out, block("PRIVATE KEY", k.getEncoded())); // PKCS#8
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN "
                + type
                + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END "
                + type
                + "-----\n";
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>();
        command.add(java.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
