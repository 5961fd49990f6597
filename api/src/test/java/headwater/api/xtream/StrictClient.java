package headwater.api.xtream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What a strict Xtream client decodes the answers into: records whose every field has the exact Java type the
 * protocol's documentation gives it (anchors §2.2 to §2.4), read by a mapper that refuses a number where a string is
 * expected and a string where a number is, unknown fields, missing fields, null for a primitive and a fraction for
 * an integer. Written independently of the server's PlayerApiWire, from the documented shapes.
 */
final class StrictClient {

    static final ObjectMapper MAPPER = mapper();

    private StrictClient() {
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(JsonNode json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(MAPPER.treeAsTokens(json), MAPPER.getTypeFactory().constructType(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record NoAuth(@JsonProperty("user_info") Auth userInfo) {
    }

    record Auth(@JsonProperty("auth") int auth) {
    }

    record Account(@JsonProperty("user_info") UserInfo userInfo, @JsonProperty("server_info") ServerInfo serverInfo) {
    }

    record UserInfo(@JsonProperty("username") String username, @JsonProperty("password") String password,
                    @JsonProperty("message") String message, @JsonProperty("auth") int auth,
                    @JsonProperty("status") String status, @JsonProperty("exp_date") String expDate,
                    @JsonProperty("is_trial") String isTrial, @JsonProperty("active_cons") String activeCons,
                    @JsonProperty("created_at") String createdAt,
                    @JsonProperty("max_connections") String maxConnections,
                    @JsonProperty("allowed_output_formats") List<String> allowedOutputFormats) {
    }

    record ServerInfo(@JsonProperty("url") String url, @JsonProperty("port") String port,
                      @JsonProperty("https_port") String httpsPort,
                      @JsonProperty("server_protocol") String serverProtocol,
                      @JsonProperty("rtmp_port") String rtmpPort, @JsonProperty("timezone") String timezone,
                      @JsonProperty("timestamp_now") long timestampNow, @JsonProperty("time_now") String timeNow,
                      @JsonProperty("process") boolean process) {
    }

    record Category(@JsonProperty("category_id") String categoryId,
                    @JsonProperty("category_name") String categoryName, @JsonProperty("parent_id") int parentId) {
    }

    record Live(@JsonProperty("num") int num, @JsonProperty("name") String name,
                @JsonProperty("stream_type") String streamType, @JsonProperty("stream_id") int streamId,
                @JsonProperty("stream_icon") String streamIcon, @JsonProperty("epg_channel_id") String epgChannelId,
                @JsonProperty("added") String added, @JsonProperty("custom_sid") String customSid,
                @JsonProperty("tv_archive") int tvArchive, @JsonProperty("direct_source") String directSource,
                @JsonProperty("tv_archive_duration") int tvArchiveDuration,
                @JsonProperty("category_id") String categoryId,
                @JsonProperty("category_ids") List<Integer> categoryIds,
                @JsonProperty("thumbnail") String thumbnail) {
    }

    record Vod(@JsonProperty("num") int num, @JsonProperty("name") String name, @JsonProperty("title") String title,
               @JsonProperty("year") String year, @JsonProperty("stream_type") String streamType,
               @JsonProperty("stream_id") int streamId, @JsonProperty("stream_icon") String streamIcon,
               @JsonProperty("rating") double rating, @JsonProperty("rating_5based") double rating5based,
               @JsonProperty("added") String added, @JsonProperty("plot") String plot,
               @JsonProperty("cast") String cast, @JsonProperty("director") String director,
               @JsonProperty("genre") String genre, @JsonProperty("release_date") String releaseDate,
               @JsonProperty("youtube_trailer") String youtubeTrailer,
               @JsonProperty("episode_run_time") String episodeRunTime,
               @JsonProperty("category_id") String categoryId,
               @JsonProperty("category_ids") List<Integer> categoryIds,
               @JsonProperty("container_extension") String containerExtension,
               @JsonProperty("custom_sid") String customSid, @JsonProperty("direct_source") String directSource) {
    }

    record Series(@JsonProperty("num") int num, @JsonProperty("name") String name,
                  @JsonProperty("title") String title, @JsonProperty("year") String year,
                  @JsonProperty("stream_type") String streamType, @JsonProperty("series_id") int seriesId,
                  @JsonProperty("cover") String cover, @JsonProperty("plot") String plot,
                  @JsonProperty("cast") String cast, @JsonProperty("director") String director,
                  @JsonProperty("genre") String genre, @JsonProperty("release_date") String releaseDate,
                  @JsonProperty("releaseDate") String releaseDateCamel,
                  @JsonProperty("last_modified") String lastModified, @JsonProperty("rating") String rating,
                  @JsonProperty("rating_5based") double rating5based,
                  @JsonProperty("backdrop_path") List<String> backdropPath,
                  @JsonProperty("youtube_trailer") String youtubeTrailer,
                  @JsonProperty("episode_run_time") String episodeRunTime,
                  @JsonProperty("category_id") String categoryId,
                  @JsonProperty("category_ids") List<Integer> categoryIds) {
    }

    /** {@code info} is an object or, for nothing found, an empty array: read as a tree, then as {@link SeriesDetails}. */
    record SeriesInfo(@JsonProperty("seasons") List<Season> seasons, @JsonProperty("info") JsonNode info,
                      @JsonProperty("episodes") Map<String, List<Episode>> episodes) {
    }

    record Season(@JsonProperty("air_date") String airDate, @JsonProperty("episode_count") int episodeCount,
                  @JsonProperty("id") int id, @JsonProperty("name") String name,
                  @JsonProperty("overview") String overview, @JsonProperty("season_number") int seasonNumber,
                  @JsonProperty("cover") String cover, @JsonProperty("cover_big") String coverBig) {
    }

    record SeriesDetails(@JsonProperty("name") String name, @JsonProperty("title") String title,
                         @JsonProperty("year") String year, @JsonProperty("cover") String cover,
                         @JsonProperty("plot") String plot, @JsonProperty("cast") String cast,
                         @JsonProperty("director") String director, @JsonProperty("genre") String genre,
                         @JsonProperty("release_date") String releaseDate,
                         @JsonProperty("releaseDate") String releaseDateCamel,
                         @JsonProperty("last_modified") String lastModified, @JsonProperty("rating") String rating,
                         @JsonProperty("rating_5based") double rating5based,
                         @JsonProperty("backdrop_path") List<String> backdropPath,
                         @JsonProperty("youtube_trailer") String youtubeTrailer,
                         @JsonProperty("episode_run_time") String episodeRunTime,
                         @JsonProperty("category_id") String categoryId,
                         @JsonProperty("category_ids") List<Integer> categoryIds) {
    }

    record Episode(@JsonProperty("id") String id, @JsonProperty("episode_num") int episodeNum,
                   @JsonProperty("title") String title,
                   @JsonProperty("container_extension") String containerExtension,
                   @JsonProperty("info") EpisodeDetails info, @JsonProperty("subtitles") List<Subtitle> subtitles,
                   @JsonProperty("custom_sid") String customSid, @JsonProperty("added") String added,
                   @JsonProperty("season") int season, @JsonProperty("direct_source") String directSource) {
    }

    record EpisodeDetails(@JsonProperty("movie_image") String movieImage, @JsonProperty("cover_big") String coverBig,
                          @JsonProperty("plot") String plot, @JsonProperty("releasedate") String releaseDate,
                          @JsonProperty("rating") double rating, @JsonProperty("duration_secs") long durationSecs,
                          @JsonProperty("duration") String duration, @JsonProperty("bitrate") long bitrate,
                          @JsonProperty("backdrop_path") List<String> backdropPath) {
    }

    record Subtitle(@JsonProperty("index") int index, @JsonProperty("language") String language,
                    @JsonProperty("title") String title) {
    }

    /** {@code movie_data} is absent when {@code info} is the empty array. */
    record VodInfo(@JsonProperty("info") JsonNode info, @JsonProperty("movie_data") MovieData movieData) {
    }

    /** {@code get_vod_info} for a film that is not there: nothing but {@code "info":[]}. */
    record VodNotFound(@JsonProperty("info") List<Object> info) {
    }

    record MovieDetails(@JsonProperty("name") String name, @JsonProperty("o_name") String originalName,
                        @JsonProperty("cover_big") String coverBig, @JsonProperty("movie_image") String movieImage,
                        @JsonProperty("description") String description, @JsonProperty("plot") String plot,
                        @JsonProperty("year") String year, @JsonProperty("releasedate") String releasedate,
                        @JsonProperty("release_date") String releaseDate, @JsonProperty("genre") String genre,
                        @JsonProperty("director") String director, @JsonProperty("actors") String actors,
                        @JsonProperty("cast") String cast, @JsonProperty("country") String country,
                        @JsonProperty("rating") double rating, @JsonProperty("youtube_trailer") String youtubeTrailer,
                        @JsonProperty("backdrop_path") List<String> backdropPath,
                        @JsonProperty("episode_run_time") int episodeRunTime,
                        @JsonProperty("duration_secs") long durationSecs, @JsonProperty("duration") String duration,
                        @JsonProperty("bitrate") long bitrate, @JsonProperty("subtitles") List<Subtitle> subtitles) {
    }

    record MovieData(@JsonProperty("stream_id") int streamId, @JsonProperty("name") String name,
                     @JsonProperty("title") String title, @JsonProperty("year") String year,
                     @JsonProperty("added") String added, @JsonProperty("category_id") String categoryId,
                     @JsonProperty("category_ids") List<Integer> categoryIds,
                     @JsonProperty("container_extension") String containerExtension,
                     @JsonProperty("custom_sid") String customSid,
                     @JsonProperty("direct_source") String directSource) {
    }

    /** {@code epg_listings} is a list, or an object of lists keyed by stream id: read as a tree first. */
    record EpgListings(@JsonProperty("epg_listings") JsonNode epgListings) {
    }

    record EpgRow(@JsonProperty("id") String id, @JsonProperty("epg_id") String epgId,
                  @JsonProperty("title") String title, @JsonProperty("lang") String lang,
                  @JsonProperty("start") String start, @JsonProperty("end") String end,
                  @JsonProperty("description") String description, @JsonProperty("channel_id") String channelId,
                  @JsonProperty("start_timestamp") String startTimestamp,
                  @JsonProperty("stop_timestamp") String stopTimestamp) {
    }

    record EpgTableRow(@JsonProperty("id") String id, @JsonProperty("epg_id") String epgId,
                       @JsonProperty("title") String title, @JsonProperty("lang") String lang,
                       @JsonProperty("start") String start, @JsonProperty("end") String end,
                       @JsonProperty("description") String description, @JsonProperty("channel_id") String channelId,
                       @JsonProperty("start_timestamp") String startTimestamp,
                       @JsonProperty("stop_timestamp") String stopTimestamp,
                       @JsonProperty("now_playing") int nowPlaying, @JsonProperty("has_archive") int hasArchive) {
    }

    record PanelEpgRow(@JsonProperty("id") String id, @JsonProperty("epg_id") String epgId,
                       @JsonProperty("title") String title, @JsonProperty("lang") String lang,
                       @JsonProperty("start") long start, @JsonProperty("end") long end,
                       @JsonProperty("description") String description, @JsonProperty("channel_id") String channelId) {
    }

    record Panel(@JsonProperty("user_info") UserInfo userInfo, @JsonProperty("server_info") ServerInfo serverInfo,
                 @JsonProperty("categories") PanelCategories categories,
                 @JsonProperty("available_channels") Map<String, PanelChannel> availableChannels) {
    }

    record PanelCategories(@JsonProperty("live") List<Category> live, @JsonProperty("movie") List<Category> movie,
                           @JsonProperty("series") List<Category> series) {
    }

    record PanelChannel(@JsonProperty("num") int num, @JsonProperty("name") String name,
                        @JsonProperty("stream_type") String streamType, @JsonProperty("type_name") String typeName,
                        @JsonProperty("stream_id") int streamId, @JsonProperty("stream_icon") String streamIcon,
                        @JsonProperty("epg_channel_id") String epgChannelId, @JsonProperty("added") String added,
                        @JsonProperty("category_name") String categoryName,
                        @JsonProperty("category_id") String categoryId,
                        @JsonProperty("series_no") Integer seriesNo, @JsonProperty("live") String live,
                        @JsonProperty("container_extension") String containerExtension,
                        @JsonProperty("custom_sid") String customSid, @JsonProperty("tv_archive") int tvArchive,
                        @JsonProperty("direct_source") String directSource,
                        @JsonProperty("tv_archive_duration") int tvArchiveDuration) {
    }
}
