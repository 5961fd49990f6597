/**
 * Playback session state: the token signing keys at rest ({@link headwater.store.session.JdbiSigningKeyRepository},
 * table {@code token_keys}, migration V8), and sessions in Redis ({@link headwater.store.session.RedisSessionRegistry},
 * the {@code SessionRegistry} that lets several Headwater nodes behind one load balancer enforce one
 * concurrent-stream limit per subscriber: Lettuce, Lua scripts for the atomic steps, pub/sub to announce ended
 * sessions to every node).
 */
package headwater.store.session;
