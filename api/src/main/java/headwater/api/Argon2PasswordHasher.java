package headwater.api;

import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.security.password.Argon2idHasher;

/**
 * The domain's {@link PasswordHasher} on security's Argon2id (security knows nothing of the domain). It lives in api,
 * the one module that sees both, so that app's wiring, its CLI and the API's tests share it.
 */
public final class Argon2PasswordHasher implements PasswordHasher {

    private final Argon2idHasher argon2;

    public Argon2PasswordHasher() {
        this(new Argon2idHasher());
    }

    public Argon2PasswordHasher(Argon2idHasher argon2) {
        this.argon2 = argon2;
    }

    @Override
    public PasswordHash hash(char[] password) {
        return new PasswordHash(argon2.hash(password));
    }

    @Override
    public boolean verify(char[] password, PasswordHash hash) {
        return argon2.verify(password, hash.phc());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return argon2.needsRehash(hash.phc());
    }
}
