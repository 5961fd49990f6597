/** Playback session state at rest: the token signing keys (table {@code token_keys}, migration V8). */
package headwater.store.session;
