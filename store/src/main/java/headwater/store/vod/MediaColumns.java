package headwater.store.vod;

import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.VideoTrack;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The columns that hold a {@link MediaInfo}, the same in the {@code movie} and {@code episode} tables. The audio
 * tracks are one text column ({@code codec:channels:language}, joined by ','), the subtitle languages another: the
 * domain allows neither ':' nor ',' in codecs and languages, so the encoding is unambiguous.
 */
final class MediaColumns {

    /** The column names, in the order {@link #read} reads them. */
    static final List<String> NAMES = List.of("media_container", "media_duration_ms", "media_bit_rate",
            "video_codec", "video_width", "video_height", "video_frame_rate", "media_audio", "media_subtitles");

    /** {@code :media_container, ...} for an INSERT's VALUES. */
    static final String PARAMETERS = String.join(", ", NAMES.stream().map(n -> ":" + n).toList());
    /** {@code media_container, ...} for an INSERT's column list. */
    static final String INSERT_COLUMNS = String.join(", ", NAMES);
    /** {@code media_container = :media_container, ...} for an UPDATE. */
    static final String ASSIGNMENTS = String.join(", ", NAMES.stream().map(n -> n + " = :" + n).toList());

    private MediaColumns() {
    }

    /** {@code alias.media_container, ...} for a SELECT; {@link #read} expects them in this order. */
    static String select(String alias) {
        return String.join(", ", NAMES.stream().map(n -> alias + "." + n).toList());
    }

    static <S extends SqlStatement<S>> S bind(S statement, MediaInfo media) {
        VideoTrack video = media == null ? null : media.video();
        return statement.bind("media_container", media == null ? null : media.container())
                .bind("media_duration_ms", media == null || media.duration() == null ? null : media.duration().toMillis())
                .bind("media_bit_rate", media == null ? null : media.bitRate())
                .bind("video_codec", video == null ? null : video.codec())
                .bind("video_width", video == null ? null : video.width())
                .bind("video_height", video == null ? null : video.height())
                .bind("video_frame_rate", video == null ? null : video.frameRate())
                .bind("media_audio", media == null ? null : audio(media.audio()))
                .bind("media_subtitles", media == null ? null : String.join(",", media.subtitleLanguages()));
    }

    /** The MediaInfo in the columns from {@code first} on, or null when the source has not been probed. */
    static MediaInfo read(ResultSet rs, int first) throws SQLException {
        String container = rs.getString(first);
        if (container == null) {
            return null;
        }
        long durationMs = rs.getLong(first + 1);
        Duration duration = rs.wasNull() ? null : Duration.ofMillis(durationMs);
        long bitRate = rs.getLong(first + 2);
        Long bitRateOrNull = rs.wasNull() ? null : bitRate;
        String videoCodec = rs.getString(first + 3);
        VideoTrack video = videoCodec == null ? null
                : new VideoTrack(videoCodec, rs.getInt(first + 4), rs.getInt(first + 5), rs.getDouble(first + 6));
        return new MediaInfo(duration, container, video, audio(rs.getString(first + 7)), bitRateOrNull,
                split(rs.getString(first + 8)));
    }

    private static String audio(List<AudioTrack> tracks) {
        return String.join(",", tracks.stream().map(t -> t.codec() + ":" + t.channels() + ":" + t.language()).toList());
    }

    private static List<AudioTrack> audio(String text) {
        List<AudioTrack> tracks = new ArrayList<>();
        for (String track : split(text)) {
            String[] parts = track.split(":", -1);
            tracks.add(new AudioTrack(parts[0], Integer.parseInt(parts[1]), parts[2]));
        }
        return tracks;
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split(",", -1));
    }
}
