package headwater.bench;

import headwater.security.password.Argon2Parameters;
import headwater.security.password.Argon2idHasher;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a login: one Argon2id verification at {@link Argon2Parameters#RECOMMENDED} (m=19456 KiB, t=2, p=1),
 * and one new hash (the same work plus a random salt). One operation = one password. Run:
 * {@code java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main PasswordHashBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class PasswordHashBenchmark {

    private final Argon2idHasher hasher = new Argon2idHasher(Argon2Parameters.RECOMMENDED, new SecureRandom());
    private final char[] password = "correct horse battery staple".toCharArray();
    private String stored;

    @Setup
    public void hashOnce() {
        stored = hasher.hash(password);
        if (!hasher.verify(password, stored)) {
            throw new IllegalStateException("a fresh hash does not verify");
        }
    }

    @Benchmark
    public boolean verify() {
        return hasher.verify(password, stored);
    }

    @Benchmark
    public String hash() {
        return hasher.hash(password);
    }
}
