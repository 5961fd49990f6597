package headwater.api;

import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.PasswordHasher;
import headwater.security.password.Argon2idHasher;

/** The real hasher for tests: security's Argon2id behind the domain's interface, as app wires it. */
final class Argon2Hasher implements PasswordHasher {

    private final Argon2idHasher argon2 = new Argon2idHasher();

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
