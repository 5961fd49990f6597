package headwater.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz targets for the parsers of outside input: request paths, {@code Range} headers, queries,
 * {@code X-Forwarded-For} and configured proxy networks. Without {@code JAZZER_FUZZ=1} they replay their seed corpus
 * (resources next to this class) as regression tests.
 */
class ParserFuzzTest {

    private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8::/32"));
    private static final InetAddress PROXY = InetAddress.getLoopbackAddress();

    /**
     * Whatever the path, a media route's parts are within their alphabets (no '..', '%' or '/' in any id) and the
     * path is exactly the one the route describes: nothing was skipped, decoded or normalised on the way.
     */
    @FuzzTest
    void mediaPath(FuzzedDataProvider data) {
        String path = data.consumeRemainingAsString();
        Route route = MediaPath.parse(path);
        assertThat(route).isNotNull();
        if (route instanceof Route.Media media) {
            assertThat(MediaPath.isToken(media.token())).isTrue();
            assertThat(media.token()).hasSizeBetween(1, MediaPath.MAX_TOKEN_LENGTH).doesNotContain("..", "%", "/");
            String prefix = "/s/" + media.token() + "/" + media.scope();
            String expected = switch (media) {
                case Route.Live live -> {
                    assertThat(MediaPath.isChannelId(live.channel())).isTrue();
                    assertThat(live.scope()).isEqualTo("live/" + live.channel());
                    yield switch (live) {
                        case Route.MultivariantPlaylist m -> prefix + "/index.m3u8";
                        case Route.MediaPlaylist m -> prefix + "/media.m3u8";
                        case Route.Segment segment -> prefix + "/" + segment.mediaSequence() + ".ts";
                        case Route.Stream s -> prefix + ".ts";
                        case Route.Key key -> {
                            assertThat(key.keyId()).matches("[0-9a-f]{1,64}");
                            yield prefix + "/key/" + key.keyId() + ".key";
                        }
                    };
                }
                case Route.Archive archive -> {
                    assertThat(MediaPath.isChannelId(archive.channel())).isTrue();
                    assertThat(archive.seconds()).isBetween(1L, MediaPath.MAX_ARCHIVE_SECONDS);
                    assertThat(archive.startSeconds()).isNotNegative();
                    assertThat(archive.scope()).isEqualTo("archive/" + archive.channel() + "/"
                            + archive.startSeconds() + "-" + archive.seconds());
                    yield switch (archive) {
                        case Route.ArchivePlaylist p -> prefix + "/index.m3u8";
                        case Route.ArchiveSegment segment -> prefix + "/" + segment.mediaSequence() + ".ts";
                        case Route.ArchiveStream s -> prefix + ".ts";
                        case Route.ArchiveKey key -> {
                            assertThat(key.keyId()).matches("[0-9a-f]{1,64}");
                            yield prefix + "/key/" + key.keyId() + ".key";
                        }
                    };
                }
                case Route.Vod vod -> {
                    String id = vod.scope().substring(vod.scope().indexOf('/') + 1);
                    assertThat(vod.scope()).matches("(movie|episode)/.*");
                    assertThat(MediaPath.isVodId(id)).isTrue();
                    assertThat(id).doesNotContain("%", "/").doesNotStartWith(".");
                    assertThat(vod.extension()).matches("[A-Za-z0-9]{1,8}");
                    yield prefix + "." + vod.extension();
                }
            };
            assertThat(path).isEqualTo(expected);
        }
        if (route instanceof Route.Segment segment) {
            assertThat(segment.mediaSequence()).isNotNegative();
        }
        if (route instanceof Route.Refused) {
            assertThat(path).startsWith("/s/");
        }
    }

    @FuzzTest
    void byteRange(FuzzedDataProvider data) {
        long size = data.consumeLong(0, Long.MAX_VALUE / 2);
        String header = data.consumeRemainingAsString();
        ByteRange range = ByteRange.of(header, size);
        if (range instanceof ByteRange.Partial partial) {
            assertThat(partial.first()).isBetween(0L, size - 1);
            assertThat(partial.last()).isBetween(partial.first(), size - 1);
        }
    }

    @FuzzTest
    void queryMask(FuzzedDataProvider data) {
        String secret = "S3cretValue";
        String prefix = data.consumeString(200);
        String query = prefix + (prefix.isEmpty() ? "" : "&") + "token=" + secret + "&" + data.consumeRemainingAsString();
        String masked = QueryMask.mask(query);
        assertThat(masked).doesNotContain("token=S").doesNotContain("\n").doesNotContain("\r");
    }

    /** Whatever the username and password, the logged path of an Xtream media URL shows neither. */
    @FuzzTest
    void accessLogPath(FuzzedDataProvider data) {
        String kind = data.pickValue(new String[] {"live", "movie", "series", "timeshift"});
        String user = data.consumeString(40).replace('/', '_');
        String password = data.consumeString(40).replace('/', '_');
        String rest = data.consumeRemainingAsString();
        String safe = AccessLog.safePath("/" + kind + "/" + user + "/" + password + "/" + rest);
        assertThat(safe).startsWith("/" + kind + "/***/***/");
        assertThat(safe.substring(("/" + kind + "/***/***/").length())).isEqualTo(rest);
        String digits = Long.toString(Math.abs((long) rest.hashCode()));
        String shortForm = AccessLog.safePath("/" + user + "/" + password + "/" + digits + ".ts");
        assertThat(shortForm).endsWith("/" + digits + ".ts");
        if (!password.isEmpty() && !password.equals(user) && !password.equals(QueryMask.MASK)) {
            assertThat(shortForm).doesNotContain("/" + password + "/");
        }
    }

    /** Whatever the header says, the client is the peer or an address literally written in the header. */
    @FuzzTest
    void forwardedFor(FuzzedDataProvider data) throws Exception {
        String first = data.consumeString(300);
        String last = data.consumeRemainingAsString();
        InetAddress peer = InetAddress.getByAddress(new byte[] {10, 1, 2, 3});
        InetAddress client = ForwardedFor.client(peer, List.of(first, last), PROXIES);
        assertThat(client).isNotNull();
        if (!client.equals(peer)) {
            byte[] chosen = IpLiteral.unmapped(client.getAddress());
            boolean written = false;
            for (String entry : (first + "," + last).split(",", -1)) {
                String bare = entry.strip().replaceAll("^\\[(.*)\\]$", "$1");
                byte[] parsed = IpLiteral.parse(bare);
                written |= parsed != null && Arrays.equals(IpLiteral.unmapped(parsed), chosen);
            }
            assertThat(written).as("client %s is written in the header", client).isTrue();
        }
        assertThat(ForwardedFor.client(PROXY, List.of(first, last), PROXIES)).isEqualTo(PROXY);
    }

    /** IP literals: a parse is 4 or 16 bytes and never a name lookup; CIDRs parse or fail with a message. */
    @FuzzTest
    void ipLiteralAndCidr(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        byte[] address = IpLiteral.parse(text);
        if (address != null) {
            assertThat(address.length).isIn(4, 16);
        }
        try {
            TrustedProxies proxies = TrustedProxies.of(List.of(text));
            assertThat(proxies.cidrs()).hasSize(1);
            assertThat(TrustedProxies.of(proxies.cidrs())).isEqualTo(proxies);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("'trustedProxies' entry 1 of 1");
        }
    }
}
