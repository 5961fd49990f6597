package headwater.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The two places the outbound fetcher parses outside input: the URL an operator (or a playlist's {@code x-tvg-url},
 * or a redirect) gives, and the response a server sends.
 *
 * <p>{@code checkUrl}: any text is either refused with {@link OutboundRefusedException} or allowed with http(s), a
 * host, a port and only addresses the policy allows; nothing else escapes. Names resolve through a table (never
 * DNS), so the run is hermetic.
 *
 * <p>{@code readResponse}: any bytes as a server's answer either give a head and a body that reads to its end within
 * the size limit, or fail with {@link DownloadFailedException}; nothing else escapes.
 *
 * <p>Without {@code JAZZER_FUZZ=1} each replays its seeds in {@code OutboundFuzzTestInputs}. A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl security -am test -Dtest=OutboundFuzzTest -Djazzer.max_duration=10m}.
 */
class OutboundFuzzTest {

    private static final List<InetAddress> ANSWERS = addresses("8.8.8.8", "10.0.0.5", "127.0.0.1", "169.254.169.254",
            "::ffff:10.1.1.1", "2606:4700:4700::1111", "fd00::1", "0.0.0.0", "224.0.0.1", "100.64.0.1");
    private static final HostResolver TABLE = host -> {
        if (host.isEmpty()) {
            throw new UnknownHostException("empty host");
        }
        return List.of(ANSWERS.get(Math.floorMod(host.hashCode(), ANSWERS.size())));
    };
    private static final OutboundPolicy POLICY = OutboundPolicy.publicOnly().allowing("127.0.0.1/32", "fd00::/8");
    private static final FetchLimits LIMITS = FetchLimits.DEFAULTS.withMaxBytes(64 * 1024).withTotalTime(Duration.ofSeconds(5));

    @FuzzTest
    void checkUrl(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        CheckedTarget target;
        try {
            target = POLICY.check(text, TABLE);
        } catch (OutboundRefusedException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(target.uri().getScheme().toLowerCase(java.util.Locale.ROOT)).isIn("http", "https");
        assertThat(target.host()).isNotEmpty();
        assertThat(target.port()).isBetween(1, 65535);
        assertThat(target.addresses()).allMatch(POLICY::allows);
        assertThat(target.hostHeader()).doesNotContain("\r", "\n");
    }

    @FuzzTest(maxDuration = "30s")
    void readResponse(byte[] input) {
        InputStream in = new ByteArrayInputStream(input);
        try {
            ResponseHead head = ResponseHead.read(in, "fuzz");
            assertThat(head.status()).isBetween(100, 999);
            try (InputStream body = OutboundFetcher.body(in, head, LIMITS, "fuzz", URI.create("http://fuzz/"))) {
                long total = 0;
                byte[] buf = new byte[8192];
                int n;
                while ((n = body.read(buf)) >= 0) {
                    total += n;
                }
                assertThat(total).isLessThanOrEqualTo(LIMITS.maxBytes());
            }
        } catch (DownloadFailedException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz");
        } catch (IOException other) {
            throw new AssertionError("only DownloadFailedException may escape, got " + other, other);
        }
    }

    private static List<InetAddress> addresses(String... literals) {
        try {
            var list = new java.util.ArrayList<InetAddress>();
            for (String literal : literals) {
                list.add(InetAddress.getByName(literal));
            }
            return List.copyOf(list);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
