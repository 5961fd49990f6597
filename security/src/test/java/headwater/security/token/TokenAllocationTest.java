package headwater.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The check runs per request on the event loop: a refused token that never reaches a MAC allocates nothing, and a
 * verified one allocates little (its session id string and the JDK's HMAC internals). Measured with the JVM's
 * per-thread allocation counter, averaged over many calls; bytes, not time.
 */
class TokenAllocationTest {

    private static final int CALLS = 20_000;
    private static final TokenKey KEY = new TokenKey("1",
            HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
    private final PlaybackTokens tokens = PlaybackTokens.of(TokenKeyRing.of(KEY));
    private final String valid = tokens.sign("0123456789abcdef0123456789abcdef", 1_893_456_000L, "live/news");
    private final String unknownKey = valid.replace("-1-", "-2-");
    private final String malformed = valid.toUpperCase();

    @Test
    void refusals_before_the_mac_allocate_nothing_and_a_valid_check_little() {
        com.sun.management.ThreadMXBean threads = threads();
        long refused = perCall(threads, () -> tokens.verify(malformed, "live/news", 1_800_000_000L))
                + perCall(threads, () -> tokens.verify(unknownKey, "live/news", 1_800_000_000L));
        long verified = perCall(threads, () -> tokens.verify(valid, "live/news", 1_800_000_000L));

        System.out.printf("token check allocation: %d bytes per refusal before the MAC, %d per valid token%n",
                refused, verified);
        assertThat(refused).isZero();
        assertThat(verified).isLessThan(512);
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()) {
            Assumptions.abort("this JVM does not count allocated bytes per thread");
            throw new AssertionError("unreachable");
        }
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }

    /** Average bytes allocated per call, after a warm-up round. */
    private static long perCall(com.sun.management.ThreadMXBean threads, Runnable call) {
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < CALLS; i++) {
            call.run();
        }
        return (threads.getThreadAllocatedBytes(id) - before) / CALLS;
    }
}
