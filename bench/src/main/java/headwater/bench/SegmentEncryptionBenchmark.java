package headwater.bench;

import headwater.media.hls.SegmentCipher;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
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
 * What AES-128 costs on the packaging path: one operation encrypts one 4 s segment of a 5 Mbps channel
 * ({@value #SEGMENT_BYTES} bytes, 13,298 TS packets) as {@code SegmentWindow} does for an encrypted channel: a new
 * cipher with a fresh random IV, the segment fed in 64 KiB chunks, PKCS7 padding at the end. MB/s = ops/s x
 * 2.500024. Run: {@code taskset -c 1 java -cp "bench/target/classes:$(cat bench/target/classpath.txt)"
 * org.openjdk.jmh.Main SegmentEncryptionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class SegmentEncryptionBenchmark {

    static final int SEGMENT_BYTES = 13_298 * 188;
    private static final int CHUNK = 64 * 1024;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[16];
    private final ByteBuffer clear = ByteBuffer.allocate(SEGMENT_BYTES);
    private final ByteBuffer sealed = ByteBuffer.allocate(CHUNK + 16);

    @Setup
    public void segment() throws GeneralSecurityException {
        random.nextBytes(key);
        random.nextBytes(clear.array());
        byte[] iv = new byte[16];
        byte[] whole = SegmentCipher.encrypt(key, iv, clear.array());
        if (!java.util.Arrays.equals(SegmentCipher.decrypt(key, iv, whole), clear.array())) {
            throw new IllegalStateException("AES-128 does not round-trip");
        }
    }

    /** Encrypts one segment; returns a byte of the last block so that nothing is optimised away. */
    @Benchmark
    public byte encryptSegment() throws GeneralSecurityException {
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        Cipher cipher = SegmentCipher.encryptor(key, iv);
        clear.clear();
        byte folded = 0;
        while (clear.hasRemaining()) {
            ByteBuffer chunk = clear.slice(clear.position(), Math.min(CHUNK, clear.remaining()));
            clear.position(clear.position() + chunk.remaining());
            sealed.clear();
            cipher.update(chunk, sealed);
            folded ^= sealed.get(0);
        }
        sealed.clear();
        cipher.doFinal(ByteBuffer.allocate(0), sealed);
        return (byte) (folded ^ sealed.get(0));
    }
}
