package headwater.app.wiring;

import headwater.delivery.VodCatalog;
import headwater.delivery.VodFile;
import headwater.domain.vod.Episode;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.Movie;
import headwater.domain.vod.MovieRepository;
import headwater.domain.vod.Series;
import headwater.domain.vod.SeriesRepository;
import headwater.security.outbound.CheckedTarget;
import headwater.security.outbound.HostResolver;
import headwater.security.outbound.OutboundPolicy;
import headwater.security.outbound.OutboundRefusedException;
import headwater.security.outbound.SafeUri;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's films and episodes as delivery serves them ({@link VodCatalog}): {@code movie/{id}} is an enabled film,
 * {@code episode/{id}} an episode of an enabled series. A {@code file:} source is a {@link VodFile.Local} when it is
 * a regular file on this machine; an http(s) source is a {@link VodFile.Remote} once the {@link OutboundPolicy}
 * allows every address its host resolves to, and the proxy then connects to the checked address (so a name cannot
 * resolve elsewhere in between). Anything else is logged for the operator and answered as absent (404). The
 * content type comes from the source's extension, else from the container ffprobe found. Blocking (a store read, a
 * stat, a name lookup): delivery calls it on a worker thread.
 */
public final class CatalogueVod implements VodCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueVod.class);
    private static final String OCTET_STREAM = "application/octet-stream";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("mkv", "video/x-matroska"),
            Map.entry("webm", "video/webm"), Map.entry("ts", "video/mp2t"), Map.entry("m2ts", "video/mp2t"),
            Map.entry("mts", "video/mp2t"), Map.entry("avi", "video/x-msvideo"), Map.entry("mov", "video/quicktime"),
            Map.entry("flv", "video/x-flv"), Map.entry("mpg", "video/mpeg"), Map.entry("mpeg", "video/mpeg"),
            Map.entry("wmv", "video/x-ms-wmv"), Map.entry("ogv", "video/ogg"), Map.entry("3gp", "video/3gpp"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"));
    /** ffprobe's format names ({@link MediaInfo#container()}) to a type and the usual extension. */
    private static final Map<String, String[]> BY_CONTAINER = Map.of(
            "matroska,webm", new String[] {"video/x-matroska", "mkv"},
            "mov,mp4,m4a,3gp,3g2,mj2", new String[] {"video/mp4", "mp4"},
            "mpegts", new String[] {"video/mp2t", "ts"},
            "avi", new String[] {"video/x-msvideo", "avi"},
            "flv", new String[] {"video/x-flv", "flv"},
            "mpeg", new String[] {"video/mpeg", "mpg"},
            "asf", new String[] {"video/x-ms-asf", "wmv"});

    private final MovieRepository movies;
    private final SeriesRepository series;
    private final OutboundPolicy policy;
    private final HostResolver resolver;

    /**
     * @param policy   which hosts a remote source may be on (the imports' {@code outbound.*} settings)
     * @param resolver resolves a remote source's host for the policy ({@link HostResolver#SYSTEM})
     */
    public CatalogueVod(MovieRepository movies, SeriesRepository series, OutboundPolicy policy, HostResolver resolver) {
        this.movies = Objects.requireNonNull(movies, "movies");
        this.series = Objects.requireNonNull(series, "series");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public Optional<VodFile> file(String scope) {
        if (scope == null) {
            return Optional.empty();
        }
        if (scope.startsWith("movie/")) {
            Optional<Movie> movie = movies.find(scope.substring("movie/".length()));
            if (movie.isEmpty() || !movie.get().draft().enabled()) {
                return Optional.empty();
            }
            return file(scope, movie.get().draft().source(), movie.get().mediaInfo());
        }
        if (scope.startsWith("episode/")) {
            Optional<Episode> episode = series.findEpisode(scope.substring("episode/".length()));
            if (episode.isEmpty()) {
                return Optional.empty();
            }
            Optional<Series> show = series.find(episode.get().seriesId());
            if (show.isEmpty() || !show.get().draft().enabled()) {
                return Optional.empty();
            }
            return file(scope, episode.get().source(), episode.get().mediaInfo());
        }
        return Optional.empty();
    }

    private Optional<VodFile> file(String scope, URI source, MediaInfo info) {
        String type = contentType(source, info);
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file" -> {
                Path path;
                try {
                    path = Path.of(source);
                } catch (IllegalArgumentException e) { // InvalidPathException included
                    LOG.warn("{} cannot be served: its source {} is not a local path ({})", scope, source,
                            e.getMessage());
                    return Optional.empty();
                }
                if (!Files.isRegularFile(path)) {
                    LOG.warn("{} cannot be served: {} is {}", scope, path,
                            Files.exists(path) ? "not a regular file" : "missing");
                    return Optional.empty();
                }
                return Optional.of(new VodFile.Local(path, type));
            }
            case "http", "https" -> {
                try {
                    CheckedTarget target = policy.check(source, resolver);
                    return Optional.of(new VodFile.Remote(source, type, target.addresses().getFirst()));
                } catch (OutboundRefusedException e) {
                    LOG.warn("{} cannot be served: {}", scope, e.getMessage());
                    return Optional.empty();
                }
            }
            default -> {
                LOG.warn("{} cannot be served: its source {} is neither a file: URI nor an http(s) URL", scope,
                        SafeUri.of(source));
                return Optional.empty();
            }
        }
    }

    /**
     * The MIME type of a film's or episode's media: from the source's extension, else from the container ffprobe
     * found, else {@code application/octet-stream}.
     */
    public static String contentType(URI source, MediaInfo info) {
        String byExtension = BY_EXTENSION.get(extensionOf(source));
        if (byExtension != null) {
            return byExtension;
        }
        String[] byContainer = info == null || info.container() == null ? null : BY_CONTAINER.get(info.container());
        return byContainer != null ? byContainer[0] : OCTET_STREAM;
    }

    /**
     * The extension a player should ask for ({@code container_extension}, {@code /movie/{u}/{p}/{id}.{ext}}): the
     * source's own when it has a known one, else the container's usual one, else {@code mp4}.
     */
    public static String extension(URI source, MediaInfo info) {
        String own = extensionOf(source);
        if (BY_EXTENSION.containsKey(own)) {
            return own;
        }
        String[] byContainer = info == null || info.container() == null ? null : BY_CONTAINER.get(info.container());
        return byContainer != null ? byContainer[1] : "mp4";
    }

    /** The lower-case extension of the URI's path's last segment, or "" when it has none. */
    private static String extensionOf(URI source) {
        String path = source == null ? null : source.getPath();
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash && dot < path.length() - 1 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
