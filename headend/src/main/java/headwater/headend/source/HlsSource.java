package headwater.headend.source;

import headwater.media.hls.MediaPlaylist;
import headwater.media.hls.MultivariantPlaylist;
import headwater.media.hls.Playlist;
import headwater.media.hls.PlaylistParseException;
import headwater.media.hls.PlaylistParser;
import headwater.media.hls.PlaylistSegment;
import headwater.media.hls.VariantStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a remote live HLS stream and delivers its MPEG-TS segments back to back.
 *
 * <p>URI: {@code hls+http://host/live/index.m3u8} or {@code hls+https://…} (the {@code hls+} prefix is dropped to
 * fetch). A multivariant playlist is resolved to its highest-BANDWIDTH variant. The media playlist is then reloaded
 * as RFC 8216 §6.3.4 says (one target duration after a reload that brought new segments, half of one after a reload
 * that did not), and each new segment is downloaded once, in media-sequence order, streamed through {@link #read}.
 * Playback starts three segments from the live edge (§6.3.3). When the window has moved past the next segment (we
 * fell behind), the source skips ahead to the oldest segment still listed and counts the skipped ones; a segment
 * that answers 404 or 410 is skipped and counted too. EXT-X-ENDLIST ends the source (-1) after its last segment.
 * fMP4 (EXT-X-MAP) and encrypted (EXT-X-KEY) playlists are refused by {@link #open()}. The request headers of the
 * URI's fragment ({@link RequestHeaders}) go with every playlist, variant and segment request; the fragment itself
 * never does.
 */
final class HlsSource extends MeteredSource {
    private static final Logger log = LoggerFactory.getLogger(HlsSource.class);
    /** RFC 8216 §6.3.3: start no closer than three target durations from the end; we start three segments back. */
    private static final int LIVE_EDGE_SEGMENTS = 3;

    private final URI target;
    private final RequestHeaders headers;
    private final ArrayDeque<Segment> queue = new ArrayDeque<>();
    private volatile CompletableFuture<? extends HttpResponse<?>> pending;
    private volatile BodyStream segmentBody;
    private URI mediaPlaylist;
    private long nextSequence = -1; // the first sequence number not yet queued
    private long nextReloadNanos;
    private long targetDurationNanos;
    private final PlaylistParser parser;
    private boolean endList;
    private volatile long segmentsDelivered;
    private volatile long segmentsSkipped;

    private record Segment(long sequence, URI uri) {}

    private HlsSource(URI uri, SourceContext context, URI target) {
        super(uri, context);
        this.target = target;
        this.headers = HttpSource.HttpTarget.headers(uri, context);
        this.parser = new PlaylistParser(context.maxBufferedBytes());
    }

    static HlsSource of(URI uri, SourceContext context) {
        String ssp = uri.getRawSchemeSpecificPart();
        String scheme = uri.getScheme().substring("hls+".length());
        URI plain = URI.create(scheme + ":" + ssp);
        return new HlsSource(uri, context, HttpSource.HttpTarget.check(uri, plain, context));
    }

    @Override
    public void open() throws IOException {
        Loaded first = load(target);
        Loaded loaded = first;
        if (first.playlist() instanceof MultivariantPlaylist multivariant) {
            VariantStream best = multivariant.variants().stream()
                    .max(Comparator.comparingLong(VariantStream::bandwidth))
                    .orElseThrow(() -> new IOException(describe() + ": multivariant playlist "
                            + new MaskedUri(first.uri()) + " lists no variant"));
            URI variant = followable(best.uri(), "variant");
            log.info("{} follows variant {} ({} bit/s)", describe(), new MaskedUri(variant), best.bandwidth());
            loaded = load(variant);
        }
        if (!(loaded.playlist() instanceof MediaPlaylist media)) {
            throw new IOException(describe() + ": variant " + new MaskedUri(loaded.uri())
                    + " is another multivariant playlist");
        }
        mediaPlaylist = loaded.uri();
        long last = media.mediaSequence() + media.segments().size() - 1;
        nextSequence = Math.max(media.mediaSequence(), last - LIVE_EDGE_SEGMENTS + 1);
        accept(media, loaded.startNanos());
    }

    private record Loaded(Playlist playlist, URI uri, long startNanos) {}

    /** Fetches and parses a playlist, refusing what cannot be followed. */
    private Loaded load(URI uri) throws IOException {
        long start = System.nanoTime();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = HttpSource.HttpTarget.get(this, uri, headers,
                context, f -> pending = f);
        if (response.statusCode() != 200) {
            HttpSource.HttpTarget.discard(response);
            throw new IOException(describe() + ": playlist " + new MaskedUri(uri) + " answered HTTP "
                    + response.statusCode());
        }
        BodyStream body = new BodyStream(response.body(), context.readTimeout(), describe());
        ByteArrayOutputStream text = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = body.read(chunk, 0, chunk.length)) > 0) {
                text.write(chunk, 0, n);
                if (text.size() > context.maxBufferedBytes()) {
                    throw new IOException(describe() + ": playlist " + new MaskedUri(uri) + " is larger than "
                            + context.maxBufferedBytes() + " bytes");
                }
            }
        } finally {
            body.close();
        }
        Playlist playlist;
        try {
            playlist = parser.parse(text.toByteArray(), response.uri());
        } catch (PlaylistParseException e) {
            throw new IOException(describe() + ": playlist " + new MaskedUri(uri) + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (playlist instanceof MediaPlaylist media) {
            requireFollowable(media, uri);
        }
        return new Loaded(playlist, response.uri(), start);
    }

    /** Refuses fMP4 and encrypted playlists, which this source cannot turn into a TS stream. */
    private void requireFollowable(MediaPlaylist media, URI uri) throws IOException {
        for (PlaylistSegment segment : media.segments()) {
            if (segment.map() != null) {
                throw new IOException(describe() + ": playlist " + new MaskedUri(uri) + " is fMP4 (EXT-X-MAP URI=\""
                        + MaskedUri.mask(segment.map().uri()) + "\"): only MPEG-TS segments can be followed");
            }
            if (segment.key() != null) {
                throw new IOException(describe() + ": playlist " + new MaskedUri(uri) + " is encrypted (EXT-X-KEY "
                        + "METHOD=" + segment.key().method().tag() + "): only clear segments can be followed");
            }
        }
        if (media.segments().isEmpty() && media.endList()) {
            throw new IOException(describe() + ": playlist " + new MaskedUri(uri) + " is empty and ended");
        }
    }

    /** A URI from a remote playlist, accepted only when it is http(s): a playlist must not make us read files. */
    private URI followable(String reference, String what) throws IOException {
        URI uri;
        try {
            uri = new URI(reference);
        } catch (java.net.URISyntaxException e) {
            throw new IOException(describe() + ": " + what + " URI '" + MaskedUri.mask(reference) + "' is malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IOException(describe() + ": " + what + " URI '" + new MaskedUri(uri)
                    + "' is not http(s): refused");
        }
        return uri;
    }

    /** Queues the segments not seen yet and schedules the next reload. */
    private void accept(MediaPlaylist playlist, long loadStartNanos) throws IOException {
        targetDurationNanos = Math.max(1_000_000_000L, playlist.targetDuration().toNanos());
        endList = playlist.endList();
        if (playlist.mediaSequence() > nextSequence) {
            long skipped = playlist.mediaSequence() - nextSequence;
            segmentsSkipped += skipped;
            log.warn("{} fell out of the window: skipped segments {}..{}, window starts at {}", describe(),
                    nextSequence, playlist.mediaSequence() - 1, playlist.mediaSequence());
            nextSequence = playlist.mediaSequence();
        }
        boolean changed = false;
        List<PlaylistSegment> segments = playlist.segments();
        for (int i = 0; i < segments.size(); i++) {
            long sequence = playlist.mediaSequence() + i;
            if (sequence >= nextSequence) {
                queue.addLast(new Segment(sequence, followable(segments.get(i).uri(), "segment " + sequence)));
                nextSequence = sequence + 1;
                changed = true;
            }
        }
        nextReloadNanos = loadStartNanos + (changed ? targetDurationNanos : targetDurationNanos / 2);
    }

    @Override
    protected int readSome(byte[] buf, int off, int len) throws IOException {
        if (mediaPlaylist == null) {
            throw new IllegalStateException(describe() + " is not open");
        }
        while (true) {
            BodyStream body = segmentBody;
            if (body != null) {
                int n = body.read(buf, off, len);
                if (n > 0) {
                    return n;
                }
                body.close();
                segmentBody = null;
                segmentsDelivered++;
                continue;
            }
            Segment next = queue.pollFirst();
            if (next != null) {
                startSegment(next);
                continue;
            }
            if (endList) {
                return -1;
            }
            if (!sleepUnlessClosed(nextReloadNanos - System.nanoTime())) {
                return -1;
            }
            Loaded loaded = load(mediaPlaylist);
            if (!(loaded.playlist() instanceof MediaPlaylist media)) {
                throw new IOException(describe() + ": media playlist " + new MaskedUri(mediaPlaylist)
                        + " turned into a multivariant playlist");
            }
            accept(media, loaded.startNanos());
        }
    }

    private void startSegment(Segment segment) throws IOException {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = HttpSource.HttpTarget.get(this, segment.uri(),
                headers, context, f -> pending = f);
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            HttpSource.HttpTarget.discard(response);
            segmentsSkipped++;
            log.warn("{}: segment {} ({}) is gone (HTTP {}), skipped", describe(), segment.sequence(),
                    new MaskedUri(segment.uri()), status);
            return;
        }
        if (status != 200) {
            HttpSource.HttpTarget.discard(response);
            throw new IOException(describe() + ": segment " + segment.sequence() + " (" + new MaskedUri(segment.uri())
                    + ") answered HTTP " + status);
        }
        segmentBody = new BodyStream(response.body(), context.readTimeout(), describe());
        if (isClosed()) {
            segmentBody.close();
        }
    }

    /** Segments downloaded completely. */
    long segmentsDelivered() {
        return segmentsDelivered;
    }

    /** Segments passed over: fallen out of the window before we got to them, or gone (404/410). */
    long segmentsSkipped() {
        return segmentsSkipped;
    }

    @Override
    protected void release() {
        var f = pending;
        if (f != null) {
            f.cancel(true);
        }
        BodyStream b = segmentBody;
        if (b != null) {
            b.close();
        }
    }
}
