package headwater.security.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.testkit.LoopbackHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetcher against real local servers. Loopback is refused by default, so every test that downloads allows
 * 127.0.0.1/32 explicitly, as an operator would.
 */
class OutboundFetcherTest {

    private static final FetchLimits SMALL = FetchLimits.DEFAULTS.withMaxBytes(1 << 20)
            .withTotalTime(Duration.ofSeconds(20)).withIdleTime(Duration.ofSeconds(10));
    private static final OutboundPolicy LOOPBACK_ALLOWED = OutboundPolicy.publicOnly().allowing("127.0.0.1/32")
            .withLimits(SMALL);

    private final ScriptedHttpServer server = ScriptedHttpServer.http();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsAFileFromTheTestkitServer(@TempDir Path dir) throws IOException {
        byte[] playlist = "#EXTM3U\n#EXTINF:-1 tvg-id=\"a.uk\",A\nhttp://a.example/a.ts\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("list.m3u"), playlist);
        try (var files = LoopbackHttpServer.serving(dir);
             Download download = fetcher(LOOPBACK_ALLOWED).open(files.url("/list.m3u"))) {
            assertThat(download.body().readAllBytes()).isEqualTo(playlist);
            assertThat(download.uri()).isEqualTo(files.url("/list.m3u"));
        }
    }

    @Test
    void refusesLoopbackUnlessAllowed() {
        server.on("/epg.xml", exchange -> ScriptedHttpServer.send(exchange, 200, "<tv/>".getBytes()));
        assertThatThrownBy(() -> fetcher(OutboundPolicy.publicOnly()).open(server.url("/epg.xml")))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage(server.url("/epg.xml") + " resolved to 127.0.0.1, a loopback address; allow it with "
                        + "outbound.allowedNetworks: [127.0.0.1/32] if the operator means it");
        assertThat(server.hosts()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://ftp.example/epg.xml", "jar:file:/x.jar!/epg.xml",
            "gopher://x.example/", "javascript:alert(1)"})
    void refusesOtherSchemes(String url) {
        String scheme = url.substring(0, url.indexOf(':'));
        assertThatThrownBy(() -> fetcher(LOOPBACK_ALLOWED).open(url))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("uses the scheme '" + scheme + "': only http:// and https:// URLs can be fetched");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://x.example:0/epg.xml", "http://x.example:77775/epg.xml",
            "https://x.example:65536/epg.xml"})
    void refusesPortsNoSocketHas(String url) {
        assertThatThrownBy(() -> fetcher(LOOPBACK_ALLOWED).open(url))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining(": a TCP port is 1 to 65535");
    }

    @Test
    void namesThePrivateAddressAHostResolvedTo() {
        HostResolver dns = table(Map.of("x.example", List.of("10.0.0.5")));
        assertThatThrownBy(() -> new OutboundFetcher(OutboundPolicy.publicOnly(), dns, tls()).open("https://x.example/epg.xml"))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage("https://x.example/epg.xml resolved to 10.0.0.5, a private address; allow it with "
                        + "outbound.allowedNetworks: [10.0.0.5/32] (or outbound.allowPrivate: true for every private network)");
    }

    @Test
    void refusesWhenAnyResolvedAddressIsRefused() {
        HostResolver dns = table(Map.of("mixed.example", List.of("8.8.8.8", "::ffff:169.254.169.254")));
        assertThatThrownBy(() -> new OutboundFetcher(OutboundPolicy.publicOnly(), dns, tls()).open("http://mixed.example/"))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("resolved to 169.254.169.254, a link-local address");
    }

    @Test
    void refusesIpv6FormsOfMetadataAddressesWrittenInTheUrl() {
        assertThatThrownBy(() -> fetcher(OutboundPolicy.publicOnly()).open("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/"))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/ resolved to 64:ff9b:0:0:0:0:a9fe:a9fe (the IPv6 "
                        + "form of 169.254.169.254), a link-local address (where cloud metadata services answer, e.g. "
                        + "169.254.169.254); allow it with outbound.allowedNetworks: [169.254.169.254/32] if the operator means it");
    }

    @Test
    void allowPrivateAllowsPrivateButNotLoopbackNorMetadata() throws UnknownHostException {
        OutboundPolicy policy = OutboundPolicy.publicOnly().withAllowPrivate(true);
        assertThat(policy.allows(InetAddress.getByName("192.168.1.10"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("100.64.1.1"))).isTrue();
        assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(policy.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
        assertThat(policy.allowing("0.0.0.0/0").allows(InetAddress.getByName("224.0.0.1"))).isFalse();
    }

    @Test
    void connectsToTheCheckedAddressAndSendsTheNameAsHost() throws IOException {
        server.on("/guide.xml", exchange -> ScriptedHttpServer.send(exchange, 200, "<tv/>".getBytes()));
        // "guide.example" exists only in this table: the connection must use the address checked, not resolve again.
        HostResolver dns = table(Map.of("guide.example", List.of("127.0.0.1")));
        try (Download d = new OutboundFetcher(LOOPBACK_ALLOWED, dns, tls())
                .open("http://guide.example:" + server.port() + "/guide.xml")) {
            assertThat(new String(d.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<tv/>");
        }
        assertThat(server.hosts()).containsExactly("guide.example:" + server.port());
    }

    @Test
    void followsRedirectsAndChecksEachTarget() throws IOException {
        server.on("/a", exchange -> ScriptedHttpServer.redirect(exchange, "/b"))
                .on("/b", exchange -> ScriptedHttpServer.redirect(exchange, server.url("/c")))
                .on("/c", exchange -> ScriptedHttpServer.send(exchange, 200, "done".getBytes()));
        try (Download d = fetcher(LOOPBACK_ALLOWED).open(server.url("/a"))) {
            assertThat(d.body().readAllBytes()).isEqualTo("done".getBytes());
            assertThat(d.uri().toString()).isEqualTo(server.url("/c"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5/epg.xml", "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:192.168.0.1]/", "http://0.0.0.0:22/"})
    void refusesARedirectToAPrivateAddress(String location) {
        server.on("/epg.xml", exchange -> ScriptedHttpServer.redirect(exchange, location));
        assertThatThrownBy(() -> fetcher(LOOPBACK_ALLOWED).open(server.url("/epg.xml")))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessageStartingWith(location + " resolved to ");
    }

    @Test
    void refusesASixthRedirect() {
        server.on("/r", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getQuery());
            ScriptedHttpServer.redirect(exchange, "/r?" + (n + 1));
        });
        assertThatThrownBy(() -> fetcher(LOOPBACK_ALLOWED).open(server.url("/r?0")))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage(server.url("/r?0") + " redirected more than 5 times (the last to " + server.url("/r?6") + ")");
    }

    @Test
    void stopsAnEndlessBodyAtTheSizeLimit() {
        server.on("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, never ends
            byte[] block = new byte[64 * 1024];
            OutputStream out = exchange.getResponseBody();
            while (true) {
                out.write(block);
            }
        });
        assertThatThrownBy(() -> readAll(fetcher(LOOPBACK_ALLOWED), server.url("/endless")))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage(server.url("/endless") + " is larger than the limit of 1048576 bytes");
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() {
        server.on("/big", exchange -> {
            exchange.sendResponseHeaders(200, 2L << 20);
            exchange.getResponseBody().write(new byte[1024]);
            exchange.getResponseBody().flush();
            sleep(2_000); // the head is out; the client must give up on it alone
        });
        assertThatThrownBy(() -> fetcher(LOOPBACK_ALLOWED).open(server.url("/big")))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage(server.url("/big") + " is larger than the limit of 1048576 bytes (Content-Length 2097152)");
    }

    @Test
    void stopsASlowDripAtTheTotalTime() {
        server.on("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (true) {
                out.write('x');
                out.flush();
                sleep(50);
            }
        });
        OutboundPolicy policy = LOOPBACK_ALLOWED.withLimits(SMALL.withTotalTime(Duration.ofMillis(700)));
        assertThatThrownBy(() -> readAll(fetcher(policy), server.url("/drip")))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage(server.url("/drip") + " took longer than the total limit of 700 ms");
    }

    @Test
    void stopsASilentServerAtTheIdleTime() {
        server.on("/silent", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("<tv>".getBytes());
            exchange.getResponseBody().flush();
            sleep(20_000);
        });
        OutboundPolicy policy = LOOPBACK_ALLOWED.withLimits(SMALL.withIdleTime(Duration.ofMillis(300)));
        assertThatThrownBy(() -> readAll(fetcher(policy), server.url("/silent")))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage(server.url("/silent") + " sent nothing for 300 ms (the idle limit)");
    }

    @Test
    void decodesGzipByContentEncodingAndByMagicBytes() throws IOException {
        byte[] xml = "<tv><channel id=\"a\"/></tv>".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] gz = gzip(xml);
        server.on("/encoded.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            ScriptedHttpServer.send(exchange, 200, gz);
        }).on("/file.xml.gz", exchange -> ScriptedHttpServer.send(exchange, 200, gz))
                .on("/double.xml.gz", exchange -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    ScriptedHttpServer.send(exchange, 200, gzip(gz));
                });
        for (String path : List.of("/encoded.xml", "/file.xml.gz", "/double.xml.gz")) {
            assertThat(readAll(fetcher(LOOPBACK_ALLOWED), server.url(path))).as(path).isEqualTo(xml);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void stopsAGzipBombAtTheDecodedSizeLimit(boolean contentEncoding) throws IOException {
        byte[] bomb = gzip(new byte[64 << 20]); // 64 MiB of zeros in about 64 KB
        assertThat(bomb.length).isLessThan(1 << 20);
        server.on("/bomb.xml.gz", exchange -> {
            if (contentEncoding) {
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            ScriptedHttpServer.send(exchange, 200, bomb);
        });
        assertThatThrownBy(() -> readAll(fetcher(LOOPBACK_ALLOWED), server.url("/bomb.xml.gz")))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage(server.url("/bomb.xml.gz") + " is larger than the limit of 1048576 bytes after gzip decoding");
    }

    @Test
    void reportsCorruptGzipWithTheUrl() {
        server.on("/broken.gz", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            ScriptedHttpServer.send(exchange, 200, "not gzip at all".getBytes());
        });
        assertThatThrownBy(() -> readAll(fetcher(LOOPBACK_ALLOWED), server.url("/broken.gz")))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessageStartingWith(server.url("/broken.gz") + ": the body is declared or looks gzip-compressed but is not valid gzip");
    }

    @Test
    void reportsTheStatus() {
        server.on("/missing", exchange -> ScriptedHttpServer.send(exchange, 404, "no".getBytes()));
        assertThatThrownBy(() -> fetcher(LOOPBACK_ALLOWED).open(server.url("/missing")))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage(server.url("/missing") + " answered HTTP 404 Not Found");
    }

    @Test
    void masksThePasswordOfAnXtreamUrlInMessages() {
        server.on("/get.php", exchange -> ScriptedHttpServer.send(exchange, 403, new byte[0]));
        String url = server.url("/get.php") + "?username=bob&password=s3cret&type=m3u_plus";
        assertThatThrownBy(() -> fetcher(LOOPBACK_ALLOWED).open(url))
                .isInstanceOf(DownloadFailedException.class)
                .hasMessage(server.url("/get.php") + "?username=bob&password=***&type=m3u_plus answered HTTP 403 Forbidden");
    }

    @Test
    void aSlowDnsAnswerCountsAgainstTheTotalTime() {
        HostResolver slow = host -> {
            sleep(5_000);
            return List.of(InetAddress.getLoopbackAddress());
        };
        OutboundPolicy policy = LOOPBACK_ALLOWED.withLimits(SMALL.withTotalTime(Duration.ofMillis(300)));
        assertThatThrownBy(() -> new OutboundFetcher(policy, slow, tls()).open("http://slow-dns.example/epg.xml"))
                .isInstanceOf(OutboundRefusedException.class)
                .hasMessage("http://slow-dns.example/epg.xml: the host slow-dns.example does not resolve (no answer for "
                        + "slow-dns.example within the total limit of 300 ms)");
    }

    static OutboundFetcher fetcher(OutboundPolicy policy) {
        return new OutboundFetcher(policy);
    }

    static byte[] readAll(OutboundFetcher fetcher, String url) throws IOException {
        try (Download d = fetcher.open(url); InputStream in = d.body()) {
            return in.readAllBytes();
        }
    }

    static HostResolver table(Map<String, List<String>> names) {
        return host -> {
            List<String> literals = names.get(host);
            if (literals == null) {
                throw new UnknownHostException(host);
            }
            var addresses = new java.util.ArrayList<InetAddress>();
            for (String literal : literals) {
                addresses.add(InetAddress.getByName(literal));
            }
            return addresses;
        };
    }

    static SSLContext tls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
