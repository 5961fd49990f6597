package headwater.security.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
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
 * Makes a self-signed server certificate: a fresh EC P-256 key, a random 127-bit serial, the names as subject
 * alternative names (what browsers check; the subject's CN is the first name, for people), not a CA, for server
 * authentication only, valid from an hour ago (clocks drift) for the given time. Browsers accept at most 398 days of
 * validity, hence {@link #DEFAULT_VALIDITY}.
 */
public final class SelfSignedCertificate {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(397);

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificate() {
    }

    /** @throws IllegalArgumentException when there is neither a name nor an address */
    public static TlsIdentity generate(SubjectNames names, Instant now, Duration validity) {
        if (names.dnsNames().isEmpty() && names.addresses().isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name or address");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair pair = generator.generateKeyPair();
            String common = names.dnsNames().isEmpty() ? names.addresses().getFirst().getHostAddress()
                    : names.dnsNames().getFirst();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, common)
                    .addRDN(BCStyle.O, "Headwater self-signed").build();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(127, RANDOM).setBit(126), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)), subject, pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new TlsIdentity(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("this Java cannot make an EC P-256 certificate: " + e.getMessage(), e);
        }
    }

    private static GeneralNames alternativeNames(SubjectNames names) {
        List<GeneralName> all = new ArrayList<>();
        for (String name : names.dnsNames()) {
            all.add(new GeneralName(GeneralName.dNSName, name));
        }
        for (InetAddress address : names.addresses()) {
            all.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
        }
        return new GeneralNames(all.toArray(GeneralName[]::new));
    }

    /** The DNS names and addresses a certificate's subject alternative names hold. */
    public static SubjectNames namesOf(X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        try {
            var entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    int type = (Integer) entry.get(0);
                    if (type == GeneralName.dNSName) {
                        dns.add((String) entry.get(1));
                    } else if (type == GeneralName.iPAddress) {
                        addresses.add(InetAddress.getByName((String) entry.get(1)));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException | java.net.UnknownHostException e) {
            // a certificate whose names cannot be read covers nothing
        }
        return new SubjectNames(dns.stream().filter(SubjectNames::validDnsName).toList(), addresses);
    }
}
