/**
 * The server's TLS identity: a private key and its certificate chain, read from the operator's PEM files (PKCS#8,
 * PKCS#1 and SEC 1 keys, optionally PKCS#8-encrypted) or PKCS#12 keystore ({@link PemIdentityReader},
 * {@link Pkcs12IdentityReader}), or a self-signed one made for this host at first start ({@link SelfSignedCertificate},
 * kept under the data directory by {@link SelfSignedStore}). Every problem with the material is a
 * {@link TlsMaterialException} that names the file and what is wrong in it.
 */
package headwater.security.tls;
