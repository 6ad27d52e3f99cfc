package io.tokenbench.simulations.feeders;

import io.tokenbench.simulations.config.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A JDK {@link HttpClient} that connects as the run's requests do ({@link Transport}: trusted CAs
 * or trust-all, client certificate, proxy), for the calls made outside Gatling (the price lookup
 * before a run).
 */
public final class JdkHttp {
    private JdkHttp() {}

    /** A client for {@code target} with {@code transport}'s settings. */
    public static HttpClient client(Transport transport, URI target) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        transport
                .proxyFor(target)
                .ifPresent(
                        p ->
                                b.proxy(
                                        ProxySelector.of(
                                                InetSocketAddress.createUnresolved(
                                                        p.getHost(), p.getPort()))));
        if ("https".equals(target.getScheme()) && transport.customTls()) {
            b.sslContext(sslContext(transport));
        }
        return b.build();
    }

    /**
     * The SSL context of {@code transport}.
     *
     * @throws IllegalArgumentException naming the option whose file cannot be loaded
     */
    public static SSLContext sslContext(Transport transport) {
        try {
            TrustManager[] trust = null;
            if (transport.insecure()) {
                trust = new TrustManager[] {new TrustAll()};
            } else if (transport.caCert().isPresent()) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                int n = 0;
                for (Certificate c : certificates(transport.caCert().get(), "--ca-cert")) {
                    ks.setCertificateEntry("ca" + n++, c);
                }
                TrustManagerFactory tmf =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                trust = tmf.getTrustManagers();
            }
            KeyManagerFactory kmf = null;
            if (transport.clientCert().isPresent()) {
                char[] none = new char[0];
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry(
                        "client",
                        privateKey(transport.clientKey().orElseThrow()),
                        none,
                        certificates(transport.clientCert().get(), "--client-cert")
                                .toArray(Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, none);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), trust, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(
                    "--ca-cert/--client-cert/--client-key: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path file, String option)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(option + ": no certificate in " + file);
            }
            return certs;
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalArgumentException(option + ": not PEM certificates: " + file, e);
        }
    }

    /** A PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}): EC, RSA or Ed25519. */
    private static PrivateKey privateKey(Path file) throws IOException {
        String pem = Files.readString(file);
        int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = pem.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            // never echo the file: it is key material
            throw new IllegalArgumentException(
                    "--client-key: " + file + " is not a PKCS#8 PEM key (BEGIN PRIVATE KEY)");
        }
        byte[] der =
                Base64.getMimeDecoder()
                        .decode(pem.substring(begin + 27, end).replaceAll("\\s", ""));
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm)
                        .generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("--client-key: " + file + ": unsupported key type");
    }

    /** {@code --insecure}: accepts every server certificate. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
