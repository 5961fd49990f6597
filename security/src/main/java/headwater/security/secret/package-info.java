/**
 * Bearer secrets such as the admin API key: generated from the platform's strong random source, recognisable by a
 * prefix, stored only as a SHA-256 digest, and compared in constant time. A secret's {@code toString} never shows it.
 */
package headwater.security.secret;
