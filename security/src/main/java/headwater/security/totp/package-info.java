/**
 * Two-factor authentication by time-based one-time passwords (RFC 6238): keys ({@link headwater.security.totp.TotpKey}),
 * codes and their verification with drift and replay refusal ({@link headwater.security.totp.Totp}), Base32 (RFC 4648),
 * the {@code otpauth://} URI and its QR code for enrolment, and single-use recovery codes stored as digests.
 */
package headwater.security.totp;
