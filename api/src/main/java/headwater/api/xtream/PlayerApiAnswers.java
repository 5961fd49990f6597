package headwater.api.xtream;

import headwater.api.xtream.PlayerApiWire.Account;
import headwater.api.xtream.PlayerApiWire.EpgListings;
import headwater.api.xtream.PlayerApiWire.EpgRow;
import headwater.api.xtream.PlayerApiWire.EpgTableRow;
import headwater.api.xtream.PlayerApiWire.EpisodeDetails;
import headwater.api.xtream.PlayerApiWire.EpisodeRow;
import headwater.api.xtream.PlayerApiWire.Live;
import headwater.api.xtream.PlayerApiWire.MovieData;
import headwater.api.xtream.PlayerApiWire.MovieDetails;
import headwater.api.xtream.PlayerApiWire.Panel;
import headwater.api.xtream.PlayerApiWire.PanelCategories;
import headwater.api.xtream.PlayerApiWire.PanelChannel;
import headwater.api.xtream.PlayerApiWire.PanelEpgRow;
import headwater.api.xtream.PlayerApiWire.SeasonRow;
import headwater.api.xtream.PlayerApiWire.SeriesDetails;
import headwater.api.xtream.PlayerApiWire.SeriesInfo;
import headwater.api.xtream.PlayerApiWire.ServerInfo;
import headwater.api.xtream.PlayerApiWire.Subtitle;
import headwater.api.xtream.PlayerApiWire.UserInfo;
import headwater.api.xtream.PlayerApiWire.Vod;
import headwater.api.xtream.PlayerApiWire.VodInfo;
import headwater.api.xtream.PlayerApiCatalogue.LiveAnswer;
import headwater.api.xtream.PlayerApiCatalogue.LiveAnswerKey;
import headwater.api.xtream.PlayerApiCatalogue.LiveNumbers;
import headwater.api.xtream.PlayerApiCatalogue.LiveRow;
import headwater.api.xtream.PlayerApiCatalogue.LiveRowKey;
import headwater.api.xtream.XtreamLogin.Result.Authenticated;
import headwater.domain.archive.ArchiveSpan;
import headwater.domain.catalog.Category;
import headwater.domain.catalog.CategoryKind;
import headwater.domain.catalog.Channel;
import headwater.domain.guide.GuideEntry;
import headwater.domain.subscriber.OutputFormat;
import headwater.domain.subscriber.Subscriber;
import headwater.domain.vod.Episode;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.Season;
import headwater.domain.vod.Series;
import headwater.domain.vod.SeriesDraft;
import headwater.domain.xtream.XtreamIds.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the answer to one request from the subscriber's {@link PlayerApiLineup}. Blocking (the store): on a worker.
 * Everything a client could name by number is looked up through {@link headwater.domain.xtream.XtreamIds} and then
 * checked against the lineup, so a number of something the subscriber may not see answers as if it did not exist.
 */
final class PlayerApiAnswers {

    /** How far ahead {@code get_short_epg} and the guide tables look. */
    static final Duration GUIDE_AHEAD = Duration.ofDays(14);
    /** The most programmes of one channel in one answer. */
    static final int MAX_PROGRAMMES = 5000;
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

    private final XtreamServices services;
    private final PlayerApiLineup lineup;
    private final PlayerApiQuery query;
    private final Instant now;
    private final DateTimeFormatter localTime;

    PlayerApiAnswers(XtreamServices services, PlayerApiLineup lineup, PlayerApiQuery query, Instant now) {
        this.services = services;
        this.lineup = lineup;
        this.query = query;
        this.now = now;
        this.localTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                .withZone(services.server().timeZone());
    }

    /**
     * {@code server_info}: computed on the event loop from the request, the clock and the configuration. Asked over
     * HTTPS with no {@code https_port} configured, the request's own port is the HTTPS port (an app that builds URLs
     * from {@code server_protocol} and {@code https_port} must not get port 0).
     */
    static ServerInfo serverInfo(XtreamServer server, String base, String host, int port, Instant now) {
        String protocol = base.startsWith("https:") ? "https" : "http";
        int httpsPort = protocol.equals("https") && server.httpsPort() == 0 ? port : server.httpsPort();
        return new ServerInfo(host, String.valueOf(port), String.valueOf(httpsPort), protocol, "0",
                server.timeZone().getId(), now.getEpochSecond(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
                Locale.ROOT).withZone(server.timeZone()).format(now), true);
    }

    // ---- account --------------------------------------------------------------------------------------------

    Account account(Authenticated who, ServerInfo serverInfo) {
        return new Account(userInfo(who), serverInfo);
    }

    UserInfo userInfo(Authenticated who) {
        Subscriber subscriber = who.subscriber();
        List<String> formats = new ArrayList<>();
        Set<OutputFormat> allowed = subscriber.outputFormats();
        if (allowed.contains(OutputFormat.HLS)) {
            formats.add("m3u8");
        }
        if (allowed.contains(OutputFormat.TS)) {
            formats.add("ts");
        }
        int active = services.sessions().list(Optional.of(subscriber.id())).size();
        return new UserInfo(subscriber.username(), query.token() != null && query.username() == null ? ""
                : text(query.password()), services.server().message(), 1, who.status().wire(),
                subscriber.expiry() == null ? null : epoch(subscriber.expiry()), "0", String.valueOf(active),
                epoch(subscriber.created()), String.valueOf(subscriber.maxConnections()), formats);
    }

    // ---- categories -----------------------------------------------------------------------------------------

    List<PlayerApiWire.Category> liveCategories() {
        Set<String> used = new HashSet<>();
        lineup.channels().forEach(c -> used.addAll(c.categoryIds()));
        return categories(EnumSet.of(CategoryKind.LIVE, CategoryKind.RADIO), used);
    }

    List<PlayerApiWire.Category> vodCategories() {
        Set<String> used = new HashSet<>();
        lineup.movies().forEach(m -> used.addAll(m.draft().categoryIds()));
        return categories(EnumSet.of(CategoryKind.VOD), used);
    }

    List<PlayerApiWire.Category> seriesCategories() {
        Set<String> used = new HashSet<>();
        lineup.series().forEach(s -> used.addAll(s.draft().categoryIds()));
        return categories(EnumSet.of(CategoryKind.SERIES), used);
    }

    /** The categories of those kinds (in that order, each in the catalogue's order) that hold something visible. */
    private List<PlayerApiWire.Category> categories(Set<CategoryKind> kinds, Set<String> used) {
        List<Category> shown = new ArrayList<>();
        for (CategoryKind kind : kinds) {
            lineup.categories().values().stream().filter(c -> c.kind() == kind && used.contains(c.id()))
                    .forEach(shown::add);
        }
        Map<String, Integer> numbers = services.ids().numbers(Kind.CATEGORY, shown.stream().map(Category::id).toList());
        return shown.stream().map(c -> new PlayerApiWire.Category(String.valueOf(numbers.get(c.id())), c.name(), 0))
                .toList();
    }

    // ---- listings -------------------------------------------------------------------------------------------

    /**
     * {@code get_live_streams}, serialized. A channel's row depends only on the channel, its numbers (which never
     * change), the category filter and its archive state: it is built once per catalogue stamp and filter, and again
     * only when its archive state changed; the answer joins the rows, and is itself kept per lineup and filter while
     * no channel's archive state changed (a page is cut from its rows). Jackson writes a list exactly as its elements
     * joined by commas in brackets, so the bytes are those of serializing the list of {@link Live} rows.
     */
    Object liveStreamsJson() {
        List<Channel> channels = lineup.channels();
        PlayerApiCatalogue catalogue = lineup.catalogue();
        Integer filter = query.categoryId();
        int[] archiveDays = new int[channels.size()];
        for (int i = 0; i < channels.size(); i++) {
            archiveDays[i] = services.archive().span(channels.get(i).id()).map(ArchiveSpan::days).orElse(-1);
        }
        List<byte[]> rows;
        if (catalogue.shared()) {
            LiveAnswerKey key = new LiveAnswerKey(lineup.packageIds(), filter);
            LiveAnswer kept = catalogue.liveAnswer(key);
            if (kept == null || !Arrays.equals(kept.archiveDays(), archiveDays)) {
                rows = liveRows(channels, catalogue, filter, archiveDays);
                byte[] json = PlayerApiJson.array(rows);
                // A filter that matches nothing is not kept: trying numbers must not crowd out real answers.
                kept = filter != null && rows.isEmpty() ? null : catalogue.keepLiveAnswer(key, archiveDays, rows, json);
                if (kept == null) {
                    return query.itemsPerPage() <= 0 ? json : PlayerApiJson.array(page(rows));
                }
            }
            if (query.itemsPerPage() <= 0) {
                return kept.json();
            }
            rows = kept.rows();
        } else {
            rows = liveRows(channels, catalogue, filter, archiveDays);
        }
        return PlayerApiJson.array(page(rows));
    }

    /**
     * The rows shown: each channel's kept row, building those missing or showing another archive state. Only rows
     * that are shown are kept, so a client trying category numbers makes nothing grow.
     */
    private List<byte[]> liveRows(List<Channel> channels, PlayerApiCatalogue catalogue, Integer filter,
                                  int[] archiveDays) {
        List<Channel> unnumbered = new ArrayList<>();
        for (Channel channel : channels) {
            if (catalogue.liveNumbers(channel.id()) == null) {
                unnumbered.add(channel);
            }
        }
        if (!unnumbered.isEmpty()) {
            Map<String, Integer> numbers = services.ids().numbers(Kind.CHANNEL,
                    unnumbered.stream().map(Channel::id).toList());
            Map<String, Integer> categories = categoryNumbers(unnumbered.stream()
                    .flatMap(c -> c.categoryIds().stream()).toList());
            for (Channel channel : unnumbered) {
                catalogue.liveNumbers(channel.id(), new LiveNumbers(numbers.get(channel.id()),
                        channel.categoryIds().stream().map(categories::get).toList()));
            }
        }
        List<byte[]> shown = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            Channel channel = channels.get(i);
            LiveNumbers numbers = catalogue.liveNumbers(channel.id());
            String categoryId = categoryFor(numbers.categoryIds());
            if (categoryId == null) {
                continue;
            }
            LiveRowKey key = new LiveRowKey(channel.id(), filter);
            LiveRow row = catalogue.liveRow(key);
            if (row == null || row.archiveDays() != archiveDays[i]) {
                row = new LiveRow(archiveDays[i], PlayerApiJson.write(new Live(channel.number(), channel.name(),
                        channel.radio() ? "radio_streams" : "live", numbers.number(), uri(channel.logo()),
                        PlaylistExport.epgId(channel), epoch(channel.created()), "", archiveDays[i] >= 0 ? 1 : 0, "",
                        Math.max(0, archiveDays[i]), categoryId, numbers.categoryIds(), "")));
                catalogue.liveRow(key, row);
            }
            shown.add(row.json());
        }
        return Collections.unmodifiableList(shown);
    }

    List<Vod> vodStreams() {
        List<Movie> movies = lineup.movies();
        Map<String, Integer> numbers = services.ids().numbers(Kind.MOVIE, movies.stream().map(Movie::id).toList());
        Map<String, Integer> categories = categoryNumbers(movies.stream()
                .flatMap(m -> m.draft().categoryIds().stream()).toList());
        List<Vod> rows = new ArrayList<>();
        for (Movie movie : movies) {
            MovieDraft draft = movie.draft();
            List<Integer> categoryIds = draft.categoryIds().stream().map(categories::get).toList();
            String categoryId = categoryFor(categoryIds);
            if (categoryId == null) {
                continue;
            }
            rows.add(new Vod(rows.size() + 1, draft.name(), draft.name(), year(draft.year()), "movie",
                    numbers.get(movie.id()), uri(draft.poster()), rating(draft.rating(), 1),
                    rating(draft.rating() == null ? null : draft.rating() / 2, 1), epoch(movie.added()),
                    text(draft.plot()), text(draft.cast()), text(draft.director()), text(draft.genre()),
                    releaseDate(draft.year()), "", runMinutes(draft.mediaInfo()), categoryId, categoryIds,
                    extension(draft.source(), draft.mediaInfo()), "", ""));
        }
        return page(rows);
    }

    List<PlayerApiWire.Series> series() {
        List<Series> all = lineup.series();
        Map<String, Integer> numbers = services.ids().numbers(Kind.SERIES, all.stream().map(Series::id).toList());
        Map<String, Integer> categories = categoryNumbers(all.stream()
                .flatMap(s -> s.draft().categoryIds().stream()).toList());
        List<PlayerApiWire.Series> rows = new ArrayList<>();
        for (Series series : all) {
            SeriesDraft draft = series.draft();
            List<Integer> categoryIds = draft.categoryIds().stream().map(categories::get).toList();
            String categoryId = categoryFor(categoryIds);
            if (categoryId == null) {
                continue;
            }
            rows.add(new PlayerApiWire.Series(rows.size() + 1, draft.name(), draft.name(), year(draft.year()),
                    "series", numbers.get(series.id()), uri(draft.poster()), text(draft.plot()), text(draft.cast()),
                    text(draft.director()), text(draft.genre()), releaseDate(draft.year()), releaseDate(draft.year()),
                    epoch(series.updated()), wholeRating(draft.rating()),
                    rating(draft.rating() == null ? null : draft.rating() / 2, 1), List.of(), "", "", categoryId,
                    categoryIds));
        }
        return page(rows);
    }

    /**
     * The {@code category_id} of a row: the filter when the item is in that category, else its first category
     * ({@code ""} when it has none); null when a filter excludes it.
     */
    private String categoryFor(List<Integer> categoryIds) {
        Integer filter = query.categoryId();
        if (filter != null) {
            return categoryIds.contains(filter) ? String.valueOf(filter) : null;
        }
        return categoryIds.isEmpty() ? "" : String.valueOf(categoryIds.get(0));
    }

    private Map<String, Integer> categoryNumbers(Collection<String> categoryIds) {
        return services.ids().numbers(Kind.CATEGORY, Set.copyOf(categoryIds));
    }

    /** {@code params[offset]} and {@code params[items_per_page]}: a slice when a page size is given. */
    private <T> List<T> page(List<T> rows) {
        if (query.itemsPerPage() <= 0) {
            return rows;
        }
        int from = Math.min(query.offset(), rows.size());
        int to = (int) Math.min((long) from + query.itemsPerPage(), rows.size());
        return rows.subList(from, to);
    }

    // ---- films and series -----------------------------------------------------------------------------------

    VodInfo vodInfo() {
        Optional<Movie> found = find(Kind.MOVIE, query.vodId()).flatMap(lineup::movie);
        if (found.isEmpty()) {
            return new VodInfo(List.of(), null);
        }
        Movie movie = found.get();
        MovieDraft draft = movie.draft();
        MediaInfo media = draft.mediaInfo();
        long seconds = media == null || media.duration() == null ? 0 : media.duration().toSeconds();
        Map<String, Integer> categories = categoryNumbers(draft.categoryIds());
        List<Integer> categoryIds = draft.categoryIds().stream().map(categories::get).toList();
        String poster = uri(draft.poster());
        MovieDetails info = new MovieDetails(draft.name(), draft.name(), poster, poster, text(draft.plot()),
                text(draft.plot()), year(draft.year()), releaseDate(draft.year()), releaseDate(draft.year()),
                text(draft.genre()), text(draft.director()), text(draft.cast()), text(draft.cast()), "",
                rating(draft.rating(), 2), "", List.of(), (int) (seconds / 60), seconds, clock(seconds),
                kilobits(media), subtitles(media));
        MovieData data = new MovieData(services.ids().number(Kind.MOVIE, movie.id()), draft.name(), draft.name(),
                year(draft.year()), epoch(movie.added()), categoryIds.isEmpty() ? "" : String.valueOf(categoryIds.get(0)),
                categoryIds, extension(draft.source(), media), "", "");
        return new VodInfo(info, data);
    }

    SeriesInfo seriesInfo() {
        Optional<Series> found = find(Kind.SERIES, query.seriesId()).flatMap(lineup::oneSeries);
        if (found.isEmpty()) {
            return new SeriesInfo(List.of(), List.of(), Map.of());
        }
        Series series = found.get();
        SeriesDraft draft = series.draft();
        List<Episode> episodes = services.series().episodes(series.id());
        List<Season> seasons = services.series().seasons(series.id());
        Map<String, Integer> numbers = services.ids().numbers(Kind.EPISODE, episodes.stream().map(Episode::id).toList());
        Map<String, Integer> categories = categoryNumbers(draft.categoryIds());
        List<Integer> categoryIds = draft.categoryIds().stream().map(categories::get).toList();
        String cover = uri(draft.poster());
        List<SeasonRow> seasonRows = new ArrayList<>();
        for (Season season : seasons) {
            int count = (int) episodes.stream().filter(e -> e.seasonNumber() == season.number()).count();
            String seasonCover = season.poster() == null ? cover : season.poster().toString();
            seasonRows.add(new SeasonRow("", count, season.number(), season.name() == null ? "Season "
                    + season.number() : season.name(), text(season.plot()), season.number(), seasonCover, seasonCover));
        }
        Map<String, List<EpisodeRow>> bySeason = new LinkedHashMap<>();
        for (Episode episode : episodes) {
            MediaInfo media = episode.mediaInfo();
            long seconds = media == null || media.duration() == null ? 0 : media.duration().toSeconds();
            EpisodeDetails details = new EpisodeDetails(cover, cover, text(episode.draft().plot()), "", 0, seconds,
                    clock(seconds), kilobits(media), List.of());
            bySeason.computeIfAbsent(String.valueOf(episode.seasonNumber()), s -> new ArrayList<>())
                    .add(new EpisodeRow(String.valueOf(numbers.get(episode.id())), episode.episodeNumber(),
                            episode.title(), extension(episode.source(), media), details, subtitles(media), "",
                            epoch(episode.added()), episode.seasonNumber(),
                            ""));
        }
        SeriesDetails info = new SeriesDetails(draft.name(), draft.name(), year(draft.year()), cover,
                text(draft.plot()), text(draft.cast()), text(draft.director()), text(draft.genre()),
                releaseDate(draft.year()), releaseDate(draft.year()), epoch(series.updated()),
                wholeRating(draft.rating()), rating(draft.rating() == null ? null : draft.rating() / 2, 1), List.of(),
                "", "", categoryIds.isEmpty() ? "" : String.valueOf(categoryIds.get(0)), categoryIds);
        return new SeriesInfo(seasonRows, info, bySeason);
    }

    // ---- guide ----------------------------------------------------------------------------------------------

    /** {@code get_short_epg}: what is on now and next, at most {@code limit} programmes per channel. */
    EpgListings shortEpg() {
        return listings((number, channel) -> services.guide().range(channel.id(), now, now.plus(GUIDE_AHEAD),
                query.limit()).stream().map(e -> (Object) epgRow(number, e)).toList());
    }

    /** {@code get_simple_data_table}: the channel's guide from its archive's reach to two weeks ahead. */
    EpgListings dataTable() {
        return listings((number, channel) -> {
            Optional<ArchiveSpan> archive = services.archive().span(channel.id());
            return guide(channel, false).stream().map(e -> (Object) tableRow(number, e, archive)).toList();
        });
    }

    /** {@code panel_api.php?action=get_epg}: a bare array; {@code from_now=1} drops what has ended. */
    List<PanelEpgRow> panelEpg() {
        Optional<Channel> channel = find(Kind.CHANNEL, query.streamId()).flatMap(lineup::channel);
        if (channel.isEmpty()) {
            return List.of();
        }
        int number = query.streamId();
        return guide(channel.get(), query.fromNow()).stream().map(e -> new PanelEpgRow(
                String.valueOf(e.start().getEpochSecond()), String.valueOf(number), base64(e.title()), text(e.lang()),
                e.start().getEpochSecond(), e.stop().getEpochSecond(), base64(e.description()), e.xmltvId())).toList();
    }

    private List<GuideEntry> guide(Channel channel, boolean fromNow) {
        Instant from = fromNow ? now : now.minus(Duration.ofDays(Math.max(1, channel.archiveDays())));
        return services.guide().range(channel.id(), from, now.plus(GUIDE_AHEAD), MAX_PROGRAMMES);
    }

    private interface Rows {
        List<Object> of(int number, Channel channel);
    }

    /** One list for one stream id; an object of lists keyed by stream id for several (or with {@code multi}). */
    private EpgListings listings(Rows rows) {
        if (!query.multi()) {
            Optional<Channel> channel = find(Kind.CHANNEL, query.streamId()).flatMap(lineup::channel);
            return new EpgListings(channel.map(c -> rows.of(query.streamId(), c)).orElse(List.of()));
        }
        Map<String, List<Object>> keyed = new LinkedHashMap<>();
        for (int number : query.streamIds()) {
            Optional<Channel> channel = find(Kind.CHANNEL, number).flatMap(lineup::channel);
            if (channel.isPresent() && !keyed.containsKey(String.valueOf(number))) {
                List<Object> found = rows.of(number, channel.get());
                if (!found.isEmpty()) {
                    keyed.put(String.valueOf(number), found);
                }
            }
        }
        return new EpgListings(keyed.isEmpty() ? List.of() : keyed);
    }

    private EpgRow epgRow(int number, GuideEntry entry) {
        return new EpgRow(String.valueOf(entry.start().getEpochSecond()), String.valueOf(number), base64(entry.title()),
                text(entry.lang()), localTime.format(entry.start()), localTime.format(entry.stop()),
                base64(entry.description()), entry.xmltvId(), String.valueOf(entry.start().getEpochSecond()),
                String.valueOf(entry.stop().getEpochSecond()));
    }

    /**
     * {@code has_archive} is 1 for a programme that has ended, that the archive holds (at least partly), and that
     * ended within the archive's retention.
     */
    private EpgTableRow tableRow(int number, GuideEntry entry, Optional<ArchiveSpan> archive) {
        boolean recorded = archive.isPresent() && !entry.stop().isAfter(now)
                && archive.get().overlaps(entry.start(), entry.stop())
                && !entry.stop().isBefore(now.minus(Duration.ofDays(archive.get().days())));
        return new EpgTableRow(String.valueOf(entry.start().getEpochSecond()), String.valueOf(number),
                base64(entry.title()), text(entry.lang()), localTime.format(entry.start()),
                localTime.format(entry.stop()), base64(entry.description()), entry.xmltvId(),
                String.valueOf(entry.start().getEpochSecond()), String.valueOf(entry.stop().getEpochSecond()),
                entry.isOn(now) ? 1 : 0, recorded ? 1 : 0);
    }

    // ---- panel_api ------------------------------------------------------------------------------------------

    Panel panel(Authenticated who, ServerInfo serverInfo) {
        Map<String, PanelChannel> available = new LinkedHashMap<>();
        List<Channel> channels = lineup.channels();
        Map<String, Integer> numbers = services.ids().numbers(Kind.CHANNEL, channels.stream().map(Channel::id).toList());
        List<String> categoryIds = new ArrayList<>();
        channels.forEach(c -> categoryIds.addAll(c.categoryIds()));
        lineup.movies().forEach(m -> categoryIds.addAll(m.draft().categoryIds()));
        Map<String, Integer> categories = categoryNumbers(categoryIds);
        for (Channel channel : channels) {
            Optional<ArchiveSpan> archive = services.archive().span(channel.id());
            String first = channel.categoryIds().isEmpty() ? null : channel.categoryIds().get(0);
            int number = numbers.get(channel.id());
            available.put(String.valueOf(number), new PanelChannel(channel.number(), channel.name(),
                    channel.radio() ? "radio_streams" : "live", channel.radio() ? "Radio Stations" : "Live Streams",
                    number, uri(channel.logo()), PlaylistExport.epgId(channel), epoch(channel.created()), categoryName(first),
                    first == null ? "" : String.valueOf(categories.get(first)), null, "1", null, "",
                    archive.isPresent() ? 1 : 0, "", archive.map(ArchiveSpan::days).orElse(0)));
        }
        List<Movie> movies = lineup.movies();
        Map<String, Integer> movieNumbers = services.ids().numbers(Kind.MOVIE, movies.stream().map(Movie::id).toList());
        int num = 0;
        for (Movie movie : movies) {
            MovieDraft draft = movie.draft();
            String first = draft.categoryIds().isEmpty() ? null : draft.categoryIds().get(0);
            int number = movieNumbers.get(movie.id());
            available.put(String.valueOf(number), new PanelChannel(++num, draft.name(), "movie", "Movies", number,
                    uri(draft.poster()), null, epoch(movie.added()), categoryName(first),
                    first == null ? "" : String.valueOf(categories.get(first)), null, "0",
                    extension(draft.source(), draft.mediaInfo()), "", 0, "", 0));
        }
        return new Panel(userInfo(who), serverInfo, new PanelCategories(liveCategories(), vodCategories(),
                seriesCategories()), available);
    }

    private String categoryName(String categoryId) {
        Category category = categoryId == null ? null : lineup.categories().get(categoryId);
        return category == null ? "" : category.name();
    }

    // ---- values ---------------------------------------------------------------------------------------------

    /** The id a number names, when it was allocated for that kind. */
    private Optional<String> find(Kind kind, Integer number) {
        if (number == null || number <= 0) {
            return Optional.empty();
        }
        return services.ids().id(kind, number);
    }

    static String epoch(Instant instant) {
        return String.valueOf(instant.getEpochSecond());
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static String uri(URI value) {
        return value == null ? "" : value.toString();
    }

    static String year(Integer year) {
        return year == null ? "" : String.valueOf(year);
    }

    /** The release date we know: the year's first day, or nothing. */
    static String releaseDate(Integer year) {
        return year == null ? "" : String.format(Locale.ROOT, "%04d-01-01", year);
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(text(value).getBytes(StandardCharsets.UTF_8));
    }

    /** A rating rounded half up to {@code decimals} places; 0 when unknown. */
    static double rating(Double rating, int decimals) {
        if (rating == null) {
            return 0;
        }
        return BigDecimal.valueOf(rating).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** The series {@code rating}: a string of the whole number (PHP's {@code number_format($r, 0)}). */
    static String wholeRating(Double rating) {
        return rating == null ? "0" : BigDecimal.valueOf(rating).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code episode_run_time} of a listing: whole minutes as a string, {@code ""} when unknown. */
    static String runMinutes(MediaInfo media) {
        return media == null || media.duration() == null ? "" : String.valueOf(media.duration().toMinutes());
    }

    /** {@code HH:MM:SS}. */
    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static long kilobits(MediaInfo media) {
        return media == null || media.bitRate() == null ? 0 : media.bitRate() / 1000;
    }

    static List<Subtitle> subtitles(MediaInfo media) {
        if (media == null) {
            return List.of();
        }
        List<Subtitle> subtitles = new ArrayList<>();
        for (String language : media.subtitleLanguages()) {
            subtitles.add(new Subtitle(subtitles.size(), language, null));
        }
        return subtitles;
    }

    /**
     * {@code container_extension}: the extension of the source's file name when it looks like one, else what the
     * probed container usually carries, else {@code mp4}. The media URL {@code /movie/u/p/{id}.{ext}} carries it.
     */
    static String extension(URI source, MediaInfo media) {
        String path = source.getPath();
        if (path != null) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (EXTENSION.matcher(extension).matches()) {
                    return extension;
                }
            }
        }
        String container = media == null || media.container() == null ? "" : media.container();
        if (container.startsWith("matroska")) {
            return "mkv";
        }
        if (container.startsWith("mpegts")) {
            return "ts";
        }
        if (container.equals("avi")) {
            return "avi";
        }
        return "mp4";
    }
}
