package headwater.api.xtream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of {@code player_api.php} and {@code panel_api.php}, field by field and type by type as the apps
 * read them (shared/research/anchors.md §2.2 to §2.4): the fields are written in the order declared here, a
 * {@code String} is always a JSON string (ids and Unix times included, as the PHP servers send their database
 * values), an {@code int} or {@code long} a JSON number. Nulls are written (an {@code exp_date} of null means
 * "never").
 */
final class PlayerApiWire {

    private PlayerApiWire() {
    }

    /** The answer to bad credentials (and to a throttled client): {@code {"user_info":{"auth":0}}}. */
    record Refusal(@JsonProperty("user_info") NoAuth userInfo) {
        static final Refusal INSTANCE = new Refusal(new NoAuth(0));
    }

    record NoAuth(@JsonProperty("auth") int auth) {
    }

    /** {@code player_api.php} without an action. */
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

    /** One of {@code get_live_categories}, {@code get_vod_categories}, {@code get_series_categories}. */
    record Category(@JsonProperty("category_id") String categoryId,
                    @JsonProperty("category_name") String categoryName, @JsonProperty("parent_id") int parentId) {
    }

    /** One of {@code get_live_streams} (XUI's field order). */
    record Live(@JsonProperty("num") int num, @JsonProperty("name") String name,
                @JsonProperty("stream_type") String streamType, @JsonProperty("stream_id") int streamId,
                @JsonProperty("stream_icon") String streamIcon,
                @JsonProperty("epg_channel_id") String epgChannelId, @JsonProperty("added") String added,
                @JsonProperty("custom_sid") String customSid, @JsonProperty("tv_archive") int tvArchive,
                @JsonProperty("direct_source") String directSource,
                @JsonProperty("tv_archive_duration") int tvArchiveDuration,
                @JsonProperty("category_id") String categoryId,
                @JsonProperty("category_ids") List<Integer> categoryIds,
                @JsonProperty("thumbnail") String thumbnail) {
    }

    /** One of {@code get_vod_streams}. */
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

    /** One of {@code get_series}. */
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

    /**
     * {@code get_series_info}. For a series the subscriber cannot see, {@code info} and {@code seasons} are empty
     * arrays (PHP's empty {@code array()}) and {@code episodes} an empty object.
     *
     * @param info     a {@link SeriesDetails}, or an empty list
     * @param episodes keyed by the season number as a string
     */
    record SeriesInfo(@JsonProperty("seasons") List<SeasonRow> seasons, @JsonProperty("info") Object info,
                      @JsonProperty("episodes") Map<String, List<EpisodeRow>> episodes) {
    }

    record SeasonRow(@JsonProperty("air_date") String airDate, @JsonProperty("episode_count") int episodeCount,
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

    /** An episode: {@code id} is the stream id of {@code /series/u/p/{id}.{ext}}, as a string. */
    record EpisodeRow(@JsonProperty("id") String id, @JsonProperty("episode_num") int episodeNum,
                      @JsonProperty("title") String title,
                      @JsonProperty("container_extension") String containerExtension,
                      @JsonProperty("info") EpisodeDetails info,
                      @JsonProperty("subtitles") List<Subtitle> subtitles,
                      @JsonProperty("custom_sid") String customSid, @JsonProperty("added") String added,
                      @JsonProperty("season") int season, @JsonProperty("direct_source") String directSource) {
    }

    record EpisodeDetails(@JsonProperty("movie_image") String movieImage, @JsonProperty("cover_big") String coverBig,
                          @JsonProperty("plot") String plot, @JsonProperty("releasedate") String releaseDate,
                          @JsonProperty("rating") double rating, @JsonProperty("duration_secs") long durationSecs,
                          @JsonProperty("duration") String duration, @JsonProperty("bitrate") long bitrate,
                          @JsonProperty("backdrop_path") List<String> backdropPath) {
    }

    /** A subtitle track; the title is always null (files rarely name them). */
    record Subtitle(@JsonProperty("index") int index, @JsonProperty("language") String language,
                    @JsonProperty("title") String title) {
    }

    /**
     * {@code get_vod_info}. For a film the subscriber cannot see: {@code {"info":[]}} (PHP's empty array, which
     * clients handle with an "object or empty array" converter), without {@code movie_data}.
     *
     * @param info a {@link MovieDetails}, or an empty list
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VodInfo(@JsonProperty("info") Object info, @JsonProperty("movie_data") MovieData movieData) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MovieDetails(@JsonProperty("name") String name, @JsonProperty("o_name") String originalName,
                        @JsonProperty("cover_big") String coverBig, @JsonProperty("movie_image") String movieImage,
                        @JsonProperty("description") String description, @JsonProperty("plot") String plot,
                        @JsonProperty("year") String year, @JsonProperty("releasedate") String releasedate,
                        @JsonProperty("release_date") String releaseDate, @JsonProperty("genre") String genre,
                        @JsonProperty("director") String director, @JsonProperty("actors") String actors,
                        @JsonProperty("cast") String cast, @JsonProperty("country") String country,
                        @JsonProperty("rating") double rating,
                        @JsonProperty("youtube_trailer") String youtubeTrailer,
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

    /**
     * {@code get_short_epg} and {@code get_simple_data_table}: a list of {@link EpgRow}/{@link EpgTableRow}, or, for
     * several stream ids, an object of such lists keyed by stream id.
     */
    record EpgListings(@JsonProperty("epg_listings") Object epgListings) {
    }

    /**
     * A programme of {@code get_short_epg}: title and description in base64, {@code start}/{@code end} as
     * {@code Y-m-d H:i:s} in the server's time zone, Unix times as strings.
     */
    record EpgRow(@JsonProperty("id") String id, @JsonProperty("epg_id") String epgId,
                  @JsonProperty("title") String title, @JsonProperty("lang") String lang,
                  @JsonProperty("start") String start, @JsonProperty("end") String end,
                  @JsonProperty("description") String description, @JsonProperty("channel_id") String channelId,
                  @JsonProperty("start_timestamp") String startTimestamp,
                  @JsonProperty("stop_timestamp") String stopTimestamp) {
    }

    /** A programme of {@code get_simple_data_table}: {@link EpgRow} plus {@code now_playing} and {@code has_archive}. */
    record EpgTableRow(@JsonProperty("id") String id, @JsonProperty("epg_id") String epgId,
                       @JsonProperty("title") String title, @JsonProperty("lang") String lang,
                       @JsonProperty("start") String start, @JsonProperty("end") String end,
                       @JsonProperty("description") String description,
                       @JsonProperty("channel_id") String channelId,
                       @JsonProperty("start_timestamp") String startTimestamp,
                       @JsonProperty("stop_timestamp") String stopTimestamp,
                       @JsonProperty("now_playing") int nowPlaying, @JsonProperty("has_archive") int hasArchive) {
    }

    /** A programme of {@code panel_api.php?action=get_epg}: {@code start}/{@code end} as Unix ints. */
    record PanelEpgRow(@JsonProperty("id") String id, @JsonProperty("epg_id") String epgId,
                       @JsonProperty("title") String title, @JsonProperty("lang") String lang,
                       @JsonProperty("start") long start, @JsonProperty("end") long end,
                       @JsonProperty("description") String description,
                       @JsonProperty("channel_id") String channelId) {
    }

    /** {@code panel_api.php} without an action. */
    record Panel(@JsonProperty("user_info") UserInfo userInfo, @JsonProperty("server_info") ServerInfo serverInfo,
                 @JsonProperty("categories") PanelCategories categories,
                 @JsonProperty("available_channels") Map<String, PanelChannel> availableChannels) {
    }

    record PanelCategories(@JsonProperty("live") List<Category> live, @JsonProperty("movie") List<Category> movie,
                           @JsonProperty("series") List<Category> series) {
    }

    /** A live channel or a film of {@code available_channels}; {@code series_no} is always null. */
    record PanelChannel(@JsonProperty("num") int num, @JsonProperty("name") String name,
                        @JsonProperty("stream_type") String streamType,
                        @JsonProperty("type_name") String typeName, @JsonProperty("stream_id") int streamId,
                        @JsonProperty("stream_icon") String streamIcon,
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
