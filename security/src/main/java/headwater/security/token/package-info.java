/**
 * Playback tokens: {@code sid-exp-kid-mac} in lower-case hex, the MAC being the first 16 bytes of HMAC-SHA256 over
 * {@code sid-exp-kid|scope} with the key {@code kid} of a {@link headwater.security.token.TokenKeyRing}. Checked on
 * the event loop for every media request: strict one-pass grammar, per-thread Macs, constant-time comparison. The
 * format is documented for edges (CDN, nginx) in {@code docs/05-playback-tokens.md}.
 */
package headwater.security.token;
