package io.tokenbench.mock.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Client-side TLS from the mock's PEM files, as a client given --ca-cert/--client-cert would. */
final class TlsClients {

    private TlsClients() {}

    static X509TrustManager trusting(Path caPem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        List<X509Certificate> cas = PemFiles.readCertificates(caPem);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    /** An SSL context trusting {@code caPem}, presenting the client certificate when given. */
    static SSLContext context(Path caPem, Path clientCertPem, Path clientKeyPem)
            throws GeneralSecurityException, IOException {
        KeyManagerFactory keyManagers = null;
        if (clientCertPem != null) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(
                    "client",
                    privateKey(clientKeyPem),
                    new char[0],
                    PemFiles.readCertificates(clientCertPem).toArray(Certificate[]::new));
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, new char[0]);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(
                keyManagers == null ? null : keyManagers.getKeyManagers(),
                new javax.net.ssl.TrustManager[] {trusting(caPem)},
                null);
        return context;
    }

    static PrivateKey privateKey(Path pkcs8Pem) throws IOException, GeneralSecurityException {
        String pem = Files.readString(pkcs8Pem, StandardCharsets.US_ASCII);
        String base64 =
                pem.replace("-----BEGIN PRIVATE KEY-----", "")
                        .replace("-----END PRIVATE KEY-----", "")
                        .replaceAll("\\s", "");
        return KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
