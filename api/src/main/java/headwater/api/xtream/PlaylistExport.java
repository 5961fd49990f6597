package headwater.api.xtream;

import headwater.api.xtream.PlaylistRenderings.LiveSection;
import headwater.api.xtream.XtreamLogin.Result;
import headwater.domain.archive.ArchiveSpan;
import headwater.domain.catalog.Channel;
import headwater.domain.m3u.Attribute;
import headwater.domain.m3u.Attributes;
import headwater.domain.m3u.M3uWriter;
import headwater.domain.m3u.PlaylistEntry;
import headwater.domain.m3u.PlaylistHeader;
import headwater.domain.vod.Episode;
import headwater.domain.vod.Movie;
import headwater.domain.vod.Series;
import headwater.domain.xtream.XtreamIds.Kind;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /get.php}: the subscriber's playlist as M3U (anchors §2.5, §2.10), streamed.
 *
 * <p>Parameters: {@code username} and {@code password}, or {@code token} (a playlist token); {@code type}
 * {@code m3u_plus} (default: attributes) or {@code m3u} (titles only); {@code output} {@code ts} (default, alias
 * {@code mpegts}) or {@code m3u8} (alias {@code hls}); {@code key} a comma list of {@code live}, {@code movie},
 * {@code series} (default all).
 *
 * <p>{@code m3u_plus} writes {@code #EXTM3U x-tvg-url="…/xmltv.php?…" url-tvg="…"} with the same credentials, then per
 * channel {@code tvg-id} (the XMLTV channel id of {@code xmltv.php}: the EPG channel id, else the channel id),
 * {@code tvg-name}, {@code tvg-logo}, {@code tvg-chno}, {@code group-title}, {@code radio="true"} for radio, and for
 * a channel whose archive holds something {@code catchup="xc" catchup-days="N" timeshift="N"} (with an explicit
 * {@code catchup-source} for token logins, whose URLs the players' automatic rewrite would get wrong); then films
 * and series episodes ("Title S01E02"), without {@code tvg-id}. URLs are {@code /live/U/P/N.ext} or
 * {@code /live/TOKEN/N.ext} with N from {@link headwater.domain.xtream.XtreamIds}; films and episodes use their
 * container's extension.
 *
 * <p>Under a catalogue stamp ({@link XtreamServices#stamp()}) the channels' part is rendered once per lineup and
 * form and kept ({@link PlaylistRenderings}); each request writes it with its own credentials, after asking
 * {@link headwater.domain.archive.ArchiveStatus} whether any channel's catch-up changed (then it is rendered again).
 * Without a stamp, beyond the renderings' bounds, and for films and series, the playlist streams from the store.
 */
public final class PlaylistExport implements XtreamEndpoint {

    public static final String PATH = "/get.php";

    private static final Logger LOG = LoggerFactory.getLogger(PlaylistExport.class);

    /**
     * Written in place of the credentials when a live section is rendered to be kept, then cut out: private-use
     * characters and a random part no channel's text holds (checked: the count of markers must be the count written).
     * Like the credentials (percent-encoded path segments) it holds no quote, space, comma or control character, so
     * the writer quotes every value around it as it quotes the credentials.
     */
    private static final String MARKER = "\uE000" + Long.toHexString(new SecureRandom().nextLong()) + "\uE001";
    private static final byte[] MARKER_BYTES = MARKER.getBytes(StandardCharsets.UTF_8);

    private final XtreamServices services;
    private volatile PlaylistRenderings renderings;

    public PlaylistExport(XtreamServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(Router router) {
        router.route(HttpMethod.GET, PATH).handler(this::handle);
    }

    /** What was asked for. */
    private record Options(boolean plus, String extension, Set<Section> sections) {
    }

    private enum Section { LIVE, MOVIE, SERIES }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Options options;
        try {
            options = options(request);
        } catch (IllegalArgumentException e) {
            ExportAccess.plain(request.response(), 400, e.getMessage());
            return;
        }
        ExportCredentials credentials = ExportCredentials.of(request.params());
        String base = services.server().base(request);
        ctx.vertx().executeBlocking(() -> {
            Result.Authenticated who = ExportAccess.check(services, request, credentials, "playlist");
            if (who != null) {
                write(request, who, credentials, base, options);
            }
            return null;
        }, false).onFailure(failure -> {
            LOG.warn("playlist export failed: {}", failure.toString());
            if (!request.response().headWritten()) {
                ExportAccess.plain(request.response(), 500, "the playlist could not be made");
            } else {
                request.response().reset();
            }
        });
    }

    private static Options options(HttpServerRequest request) {
        String type = Optional.ofNullable(request.getParam("type")).orElse("m3u_plus").toLowerCase(Locale.ROOT);
        boolean plus = switch (type) {
            case "m3u_plus" -> true;
            case "m3u" -> false;
            default -> throw new IllegalArgumentException("type must be m3u or m3u_plus");
        };
        String output = Optional.ofNullable(request.getParam("output")).orElse("ts").toLowerCase(Locale.ROOT);
        String extension = switch (output) {
            case "ts", "mpegts" -> "ts";
            case "m3u8", "hls" -> "m3u8";
            default -> throw new IllegalArgumentException("output must be ts, mpegts, m3u8 or hls");
        };
        Set<Section> sections = EnumSet.allOf(Section.class);
        String key = request.getParam("key");
        if (key != null && !key.isBlank()) {
            sections = EnumSet.noneOf(Section.class);
            for (String part : key.split(",")) {
                switch (part.strip().toLowerCase(Locale.ROOT)) {
                    case "live" -> sections.add(Section.LIVE);
                    case "movie", "vod" -> sections.add(Section.MOVIE);
                    case "series" -> sections.add(Section.SERIES);
                    default -> throw new IllegalArgumentException("key must list live, movie and series");
                }
            }
        }
        return new Options(plus, extension, sections);
    }

    /** Streams the playlist (on the worker). */
    private void write(HttpServerRequest request, Result.Authenticated who, ExportCredentials credentials, String base,
                       Options options) throws IOException {
        // The stamp first: what is read after it is at least as new as it, so nothing older is kept under it.
        PlaylistRenderings kept = renderings(services.stamp().current());
        ExportLineup lineup = ExportLineup.of(services, who.subscriber(), who.plan());
        Map<String, String> categories = kept == null ? lineup.categoryNames()
                : kept.categoryNames(lineup::categoryNames);
        request.response().setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "audio/x-mpegurl; charset=utf-8")
                .putHeader("Content-Disposition", "inline; filename=\"playlist.m3u\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (ResponseStream stream = new ResponseStream(request.response());
             Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                     ResponseStream.CHUNK)) {
            M3uWriter m3u = new M3uWriter(out);
            String xmltv = base + XmltvExport.PATH + "?" + credentials.query();
            m3u.header(new PlaylistHeader(options.plus()
                    ? Attributes.of("x-tvg-url", xmltv, "url-tvg", xmltv) : Attributes.none()));
            String path = credentials.path();
            if (options.sections().contains(Section.LIVE)) {
                LiveSection section = kept == null ? null
                        : liveSection(kept, lineup, categories, base, credentials.usesToken(), options);
                if (section != null) {
                    out.flush();
                    section.write(stream, path.getBytes(StandardCharsets.US_ASCII));
                } else {
                    lineup.channels(page -> channels(m3u, page, categories, base, path, credentials.usesToken(),
                            options, null));
                }
            }
            if (options.sections().contains(Section.MOVIE)) {
                lineup.movies(page -> movies(m3u, page, categories, base, path, options));
            }
            if (options.sections().contains(Section.SERIES)) {
                lineup.series(page -> series(m3u, page, categories, base, path, options));
            }
        }
    }

    /**
     * The renderings of the current stamp: the ones the last request used while the stamp is the same, else new
     * ones for the next requests; null without a stamp (every request streams from the store).
     */
    private PlaylistRenderings renderings(Object stamp) {
        if (services.stamp() == XtreamCatalogueStamp.NONE) {
            return null;
        }
        PlaylistRenderings current = renderings;
        if (current != null && current.stamp().equals(stamp)) {
            return current;
        }
        synchronized (this) {
            if (renderings == null || !renderings.stamp().equals(stamp)) {
                renderings = new PlaylistRenderings(stamp);
            }
            return renderings;
        }
    }

    /**
     * The lineup's live section in this form: the kept one while every channel's archive state is the one it shows,
     * else rendered now (and kept, within the bounds); null when there is no room left to keep one (the caller
     * streams from the store) or the rendering cannot be cut.
     */
    private LiveSection liveSection(PlaylistRenderings kept, ExportLineup lineup, Map<String, String> categories,
                                    String base, boolean token, Options options) throws IOException {
        PlaylistRenderings.Key key = new PlaylistRenderings.Key(lineup.packageIds(), options.plus(),
                options.extension(), token, base);
        LiveSection section = kept.section(key);
        if (section != null && section.current(services.archive())) {
            return section;
        }
        if (section == null && !kept.room()) {
            return null;
        }
        Rendering rendering = new Rendering();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            M3uWriter m3u = new M3uWriter(out);
            lineup.channels(page -> channels(m3u, page, categories, base, MARKER, token, options, rendering));
        }
        int[] days = rendering.days.stream().mapToInt(Integer::intValue).toArray();
        section = LiveSection.of(rendering.ids, days, bytes.toByteArray(), MARKER_BYTES, rendering.holes);
        if (section == null) {
            LOG.warn("a channel's text holds the credentials marker: this playlist is streamed from the store");
            return null;
        }
        kept.keep(key, section);
        return section;
    }

    /**
     * What rendering a live section saw: the channels whose archive state it shows (all of them in m3u_plus, none in
     * m3u) with that state, and how many credential holes it wrote.
     */
    private static final class Rendering {
        private final List<String> ids = new ArrayList<>();
        private final List<Integer> days = new ArrayList<>();
        private int holes;
    }

    private void channels(M3uWriter m3u, List<Channel> page, Map<String, String> categories, String base, String who,
                          boolean token, Options options, Rendering rendering) throws IOException {
        Map<String, Integer> numbers = services.ids().numbers(Kind.CHANNEL, page.stream().map(Channel::id).toList());
        for (Channel channel : page) {
            int number = numbers.get(channel.id());
            String url = base + "/live/" + who + "/" + number + "." + options.extension();
            int holes = 1;
            Optional<ArchiveSpan> archive = Optional.empty();
            List<Attribute> attributes = new ArrayList<>();
            if (options.plus()) {
                attributes.add(new Attribute("tvg-id", epgId(channel)));
                attributes.add(new Attribute("tvg-name", channel.name()));
                attributes.add(new Attribute("tvg-logo", channel.logo() == null ? "" : channel.logo().toString()));
                attributes.add(new Attribute("tvg-chno", Integer.toString(channel.number())));
                group(channel.categoryIds(), categories).ifPresent(g -> attributes.add(new Attribute("group-title", g)));
                if (channel.radio()) {
                    attributes.add(new Attribute("radio", "true"));
                }
                archive = services.archive().span(channel.id());
                if (archive.isPresent()) {
                    String days = Integer.toString(archive.get().days());
                    attributes.add(new Attribute("catchup", "xc"));
                    attributes.add(new Attribute("catchup-days", days));
                    if (token) {
                        attributes.add(new Attribute("catchup-source", base + "/timeshift/" + who
                                + "/{duration:60}/{Y}-{m}-{d}:{H}-{M}/" + number + "." + options.extension()));
                        holes++;
                    }
                    attributes.add(new Attribute("timeshift", days));
                }
            }
            m3u.entry(PlaylistEntry.of(channel.name(), new Attributes(attributes), url));
            if (rendering != null) {
                if (options.plus()) { // only m3u_plus shows the archive state
                    rendering.ids.add(channel.id());
                    rendering.days.add(PlaylistRenderings.days(archive));
                }
                rendering.holes += holes;
            }
        }
    }

    private void movies(M3uWriter m3u, List<Movie> page, Map<String, String> categories, String base, String who,
                        Options options) throws IOException {
        Map<String, Integer> numbers = services.ids().numbers(Kind.MOVIE, page.stream().map(Movie::id).toList());
        for (Movie movie : page) {
            String url = base + "/movie/" + who + "/" + numbers.get(movie.id()) + "."
                    + ContainerExtension.of(movie.draft().source(), movie.mediaInfo());
            m3u.entry(PlaylistEntry.of(movie.name(), options.plus() ? vodAttributes(movie.name(),
                    movie.draft().poster(), group(movie.draft().categoryIds(), categories)) : Attributes.none(), url));
        }
    }

    private void series(M3uWriter m3u, List<Series> page, Map<String, String> categories, String base, String who,
                        Options options) throws IOException {
        for (Series series : page) {
            List<Episode> episodes = services.series().episodes(series.id());
            Map<String, Integer> numbers = services.ids().numbers(Kind.EPISODE,
                    episodes.stream().map(Episode::id).toList());
            Optional<String> group = group(series.draft().categoryIds(), categories);
            for (Episode episode : episodes) {
                String title = String.format(Locale.ROOT, "%s S%02dE%02d", series.name(), episode.seasonNumber(),
                        episode.episodeNumber());
                String url = base + "/series/" + who + "/" + numbers.get(episode.id()) + "."
                        + ContainerExtension.of(episode.source(), episode.mediaInfo());
                m3u.entry(PlaylistEntry.of(title, options.plus()
                        ? vodAttributes(title, series.draft().poster(), group) : Attributes.none(), url));
            }
        }
    }

    private static Attributes vodAttributes(String name, URI poster, Optional<String> group) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute("tvg-name", name));
        attributes.add(new Attribute("tvg-logo", poster == null ? "" : poster.toString()));
        group.ifPresent(g -> attributes.add(new Attribute("group-title", g)));
        return new Attributes(attributes);
    }

    /** The channel's id in the XMLTV export: its EPG channel id, else its own id. */
    static String epgId(Channel channel) {
        return channel.epgChannelId() != null ? channel.epgChannelId() : channel.id();
    }

    private static Optional<String> group(List<String> categoryIds, Map<String, String> names) {
        return categoryIds.stream().map(names::get).filter(Objects::nonNull).findFirst();
    }
}
