package io.tokenbench.mock.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority generated at start (EC P-256, ECDSA with SHA-256, the JDK's
 * own providers; BouncyCastle only builds the X.509 structures): it issues the server certificate
 * (with the loopback names as subject alternative names) and client certificates. Valid from an
 * hour ago (clock skew) for {@value #VALIDITY_DAYS} days. Thread-safe after construction.
 */
public final class CertificateAuthority {

    static final int VALIDITY_DAYS = 30;
    private static final String SIGNATURE = "SHA256withECDSA";
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final SecureRandom random = new SecureRandom();

    /** A private key and its certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {}

    /** What a certificate is for. */
    public enum Purpose {
        SERVER(KeyPurposeId.id_kp_serverAuth),
        CLIENT(KeyPurposeId.id_kp_clientAuth);

        private final KeyPurposeId keyPurpose;

        Purpose(KeyPurposeId keyPurpose) {
            this.keyPurpose = keyPurpose;
        }
    }

    public CertificateAuthority(String commonName) {
        try {
            this.keys = newKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            X509v3CertificateBuilder builder = builder(name, name, keys);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    utils.createSubjectKeyIdentifier(keys.getPublic()));
            this.certificate = sign(builder, keys);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the mock's CA: " + e, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Issues an end-entity certificate.
     *
     * @param dnsNames subject alternative DNS names
     * @param ipAddresses subject alternative IP addresses (literals)
     */
    public Issued issue(
            String commonName, Purpose purpose, List<String> dnsNames, List<String> ipAddresses) {
        try {
            KeyPair leafKeys = newKeyPair();
            X509v3CertificateBuilder builder =
                    builder(
                            X500Name.getInstance(
                                    certificate.getSubjectX500Principal().getEncoded()),
                            new X500Name("CN=" + commonName),
                            leafKeys);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose.keyPurpose));
            builder.addExtension(
                    Extension.authorityKeyIdentifier,
                    false,
                    utils.createAuthorityKeyIdentifier(certificate));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    utils.createSubjectKeyIdentifier(leafKeys.getPublic()));
            if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
                GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
                int i = 0;
                for (String dns : dnsNames) {
                    names[i++] = new GeneralName(GeneralName.dNSName, dns);
                }
                for (String ip : ipAddresses) {
                    names[i++] = new GeneralName(GeneralName.iPAddress, ip);
                }
                builder.addExtension(
                        Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new Issued(leafKeys, sign(builder, keys));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate: " + e, e);
        }
    }

    private X509v3CertificateBuilder builder(
            X500Name issuer, X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(64, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(VALIDITY_DAYS))),
                subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(
                                new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
