package headwater.app.cli;

import headwater.app.config.HeadwaterConfig;
import headwater.app.vod.ConfiguredProbe;
import headwater.app.vod.VodProbing;
import headwater.domain.catalog.DuplicateKeyException;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.Page;
import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieDraft;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.VodQuery;
import headwater.store.Database;
import headwater.store.vod.JdbiMovieRepository;
import headwater.store.vod.JdbiSeriesRepository;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code headwater vod add|list|rm|probe}: the films of the catalogue, for scripts. */
@Command(
        name = "vod",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Add, list, remove and probe the films of the catalogue. add and probe read the media info (duration,"
                    + " codecs, resolution) with ffprobe (ffmpeg.ffprobePath, vod.probeTimeout; URLs under"
                    + " outbound.*); a running server also probes films that have none, in the background.",
            ""
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Examples:",
            "  headwater vod add --id heat --name \"Heat\" --source /srv/films/heat.mkv --year 1995",
            "  headwater vod add --id live-aid --source https://media.example.com/live-aid.mp4 --no-probe",
            "  headwater vod list --json",
            "  headwater vod probe heat"
        })
final class VodCommand extends CommandGroup {

    private final Map<String, String> env;

    VodCommand(Map<String, String> env) {
        this.env = env;
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Probe a film's source and store the film with its media info, then print it. When the probe"
                    + " fails nothing is stored (--no-probe stores it without media info).")
    int add(@Mixin StoreOptions options,
            @Option(names = "--id", required = true, paramLabel = "ID", description = "Stable id: letters, digits, '.',"
                    + " '_', '-'.") String id,
            @Option(names = "--name", paramLabel = "NAME", description = "Display title (default: the id).") String name,
            @Option(names = "--source", required = true, paramLabel = "FILE|URI", description = "A local file (path or"
                    + " file: URI) or an http(s) URL.") String source,
            @Option(names = "--category", paramLabel = "ID", description = "A VOD category id; repeat for more.") List<String> categories,
            @Option(names = "--year", paramLabel = "YEAR", description = "Release year.") Integer year,
            @Option(names = "--no-probe", description = "Store it without probing (a running server probes it later).") boolean noProbe) {
        HeadwaterConfig config = options.load(env);
        try (Database database = options.open(env)) {
            MovieRepository movies = movies(database);
            MovieDraft draft = MovieDraft.of(id, name == null ? id : name, sourceUri(source))
                    .withCategoryIds(categories == null ? List.of() : categories).withYear(year);
            if (movies.find(id).isPresent()) {
                throw new DuplicateKeyException("movie", "id", id, "already exists");
            }
            if (!noProbe) {
                draft = draft.withMediaInfo(probe(config, draft.source()));
            }
            print(options, List.of(movies.create(draft)), false);
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "List the films by name.")
    int list(@Mixin StoreOptions options) {
        try (Database database = options.open(env)) {
            print(options, all(movies(database)), true);
        }
        return 0;
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Delete a film (and its package memberships).")
    int rm(@Mixin StoreOptions options, @Parameters(paramLabel = "ID") String id) {
        try (Database database = options.open(env)) {
            if (!movies(database).delete(id)) {
                throw new NotFoundException("movie", id);
            }
            Listing.done(options, "removed", "movie", id);
        }
        return 0;
    }

    @Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
            description = "Probe a stored film's source again, store its media info and print the film.")
    int probe(@Mixin StoreOptions options, @Parameters(paramLabel = "ID") String id) {
        HeadwaterConfig config = options.load(env);
        try (Database database = options.open(env)) {
            MovieRepository movies = movies(database);
            movies.get(id);
            VodProbing probing = new VodProbing(ConfiguredProbe.of(config), movies,
                    new JdbiSeriesRepository(database, Clock.systemUTC()));
            print(options, List.of(probing.probeMovie(id)), false);
        }
        return 0;
    }

    /** A path without a scheme is a local file, relative to the current directory. */
    static URI sourceUri(String source) {
        if (source.matches("(?i)[a-z][a-z0-9+.-]*:.*") && !source.matches("(?i)[a-z]:[\\\\/].*")) {
            return URI.create(source);
        }
        try {
            return Path.of(source).toAbsolutePath().normalize().toUri();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--source '" + source + "' is neither a URI nor a path: " + e.getReason());
        }
    }

    private static MediaInfo probe(HeadwaterConfig config, URI source) {
        try {
            return ConfiguredProbe.of(config).probe(source);
        } catch (MediaProbeException e) {
            throw new IllegalStateException(e.getMessage() + "; nothing was stored (--no-probe stores the film without"
                    + " media info)", e);
        }
    }

    private static MovieRepository movies(Database database) {
        return new JdbiMovieRepository(database, Clock.systemUTC());
    }

    private static List<Movie> all(MovieRepository movies) {
        List<Movie> all = new ArrayList<>();
        VodQuery query = VodQuery.firstPage(VodQuery.MAX_LIMIT);
        Page<Movie> page;
        do {
            page = movies.list(query);
            all.addAll(page.items());
            query = query.next();
        } while (page.hasMore() && !page.items().isEmpty());
        return all;
    }

    /** A listing is a JSON array; a single added or probed film is one JSON object. */
    private static void print(StoreOptions options, List<Movie> movies, boolean listing) {
        if (options.json()) {
            List<Map<String, Object>> items = movies.stream().map(VodCommand::json).toList();
            Listing.json(options.out(), listing ? items : items.getFirst());
            return;
        }
        Listing.table(options.out(), List.of("ID", "NAME", "YEAR", "DURATION", "VIDEO", "AUDIO", "VERSION"),
                movies.stream().map(m -> List.of(m.id(), m.name(), m.draft().year() == null ? "-" : m.draft().year().toString(),
                        duration(m.mediaInfo()), video(m.mediaInfo()), audio(m.mediaInfo()), String.valueOf(m.version())))
                        .toList());
    }

    private static String duration(MediaInfo info) {
        if (info == null || info.duration() == null) {
            return "-";
        }
        long seconds = Math.round(info.duration().toMillis() / 1000.0);
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String video(MediaInfo info) {
        if (info == null || info.video() == null) {
            return "-";
        }
        return info.video().codec() + " " + info.video().width() + "x" + info.video().height();
    }

    private static String audio(MediaInfo info) {
        if (info == null || info.audio().isEmpty()) {
            return "-";
        }
        return String.join(",", info.audio().stream().map(a -> a.codec() + "/" + a.language()).toList());
    }

    private static Map<String, Object> json(Movie m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", m.id());
        j.put("name", m.name());
        j.put("source", m.draft().source().toString());
        j.put("categories", m.draft().categoryIds());
        j.put("year", m.draft().year());
        j.put("enabled", m.draft().enabled());
        j.put("mediaInfo", mediaInfo(m.mediaInfo()));
        j.put("version", m.version());
        j.put("added", m.added().toString());
        j.put("updated", m.updated().toString());
        return j;
    }

    private static Map<String, Object> mediaInfo(MediaInfo info) {
        if (info == null) {
            return null;
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("durationSeconds", info.duration() == null ? null : info.duration().toMillis() / 1000.0);
        j.put("container", info.container());
        if (info.video() == null) {
            j.put("video", null);
        } else {
            j.put("video", Map.of("codec", info.video().codec(), "width", info.video().width(),
                    "height", info.video().height(), "frameRate", info.video().frameRate()));
        }
        List<Map<String, Object>> audio = new ArrayList<>();
        for (AudioTrack track : info.audio()) {
            audio.add(Map.of("codec", track.codec(), "channels", track.channels(), "language", track.language()));
        }
        j.put("audio", audio);
        j.put("bitRate", info.bitRate());
        j.put("subtitleLanguages", info.subtitleLanguages());
        return j;
    }
}
