package headwater.app.vod;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.MediaProbeException.Reason;
import headwater.domain.vod.VideoTrack;
import headwater.domain.vod.VodCheck;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON of {@code ffprobe -print_format json -show_format -show_streams} into a {@link MediaInfo}.
 *
 * <p>The output describes files from anywhere, so every field is optional and checked: numbers may come as JSON
 * numbers or strings, {@code "N/A"} or {@code "0/0"}; tags may hold anything. A value that does not fit the domain's
 * rules is dropped (an unusable language becomes {@code und}, an absurd frame rate 0, a codec name that is no token
 * {@code unknown}) instead of failing the whole probe. What does fail: output that is not a JSON object, and media
 * with no audio and no video (text files, still images, subtitle files), which is {@link Reason#NOT_MEDIA}.
 */
public final class FfprobeJson {

    /** ffprobe's demuxers for text and still images: a film is none of them. */
    private static final Set<String> NOT_FILM_FORMATS = Set.of("tty", "image2", "lrc", "srt", "ass", "webvtt",
            "subviewer", "subviewer1", "microdvd", "sami", "jacosub", "mpl2", "pjs", "realtext", "stl", "vplayer");
    private static final String UNKNOWN = "unknown";
    /** Durations beyond this are not a film's: a broken header. */
    private static final double MAX_SECONDS = 10.0 * 365 * 24 * 3600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FfprobeJson() {
    }

    /**
     * @param source the probed source, for error messages
     * @throws MediaProbeException {@link Reason#PROBER_FAILED} when the text is not ffprobe's JSON object,
     *                             {@link Reason#NOT_MEDIA} when it describes no audio or video
     */
    public static MediaInfo parse(URI source, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MediaProbeException(source, Reason.PROBER_FAILED, "ffprobe printed output that is not JSON ("
                    + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new MediaProbeException(source, Reason.PROBER_FAILED, "ffprobe printed no JSON object");
        }
        JsonNode format = root.path("format");
        String container = text(format, "format_name");
        if (container != null && isNotFilmFormat(container)) {
            throw new MediaProbeException(source, Reason.NOT_MEDIA, "it is not a media file: ffprobe reads it as \""
                    + container + "\" (text, subtitles or a still image), not as audio or video");
        }
        VideoTrack video = null;
        List<AudioTrack> audio = new ArrayList<>();
        List<String> subtitles = new ArrayList<>();
        double longestStream = -1;
        for (JsonNode stream : root.path("streams")) {
            if (!stream.isObject()) {
                continue;
            }
            String type = text(stream, "codec_type");
            if ("video".equals(type) && video == null && !isStillPicture(stream)) {
                video = video(stream);
                longestStream = Math.max(longestStream, seconds(stream.get("duration")));
            } else if ("audio".equals(type) && audio.size() < MediaInfo.MAX_TRACKS) {
                audio.add(new AudioTrack(codec(stream), range(integer(stream.get("channels")), AudioTrack.MAX_CHANNELS),
                        language(stream)));
                longestStream = Math.max(longestStream, seconds(stream.get("duration")));
            } else if ("subtitle".equals(type) && subtitles.size() < MediaInfo.MAX_TRACKS) {
                subtitles.add(language(stream));
            }
        }
        if (video == null && audio.isEmpty()) {
            throw new MediaProbeException(source, Reason.NOT_MEDIA, "it is not a media file: ffprobe found no audio or "
                    + "video stream" + (container == null ? "" : " in it (format \"" + container + "\")"));
        }
        double seconds = seconds(format.get("duration"));
        if (seconds < 0) {
            seconds = longestStream;
        }
        Duration duration = seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        long bitRate = integer(format.get("bit_rate"));
        return new MediaInfo(duration, VodCheck.isFormat(container)
                ? container : UNKNOWN, video, audio, bitRate > 0 ? bitRate : null, subtitles);
    }

    private static boolean isNotFilmFormat(String container) {
        for (String name : container.split(",")) {
            if (NOT_FILM_FORMATS.contains(name) || name.endsWith("_pipe")) {
                return true;
            }
        }
        return false;
    }

    /** Cover art in an MP3 or MP4 is a "video" stream of one picture. */
    private static boolean isStillPicture(JsonNode stream) {
        return integer(stream.path("disposition").get("attached_pic")) == 1;
    }

    private static VideoTrack video(JsonNode stream) {
        double rate = frameRate(text(stream, "avg_frame_rate"));
        if (rate <= 0) {
            rate = frameRate(text(stream, "r_frame_rate"));
        }
        return new VideoTrack(codec(stream), range(integer(stream.get("width")), VideoTrack.MAX_DIMENSION),
                range(integer(stream.get("height")), VideoTrack.MAX_DIMENSION), Math.max(rate, 0));
    }

    /** "30000/1001" is 29.97; "0/0", "N/A" and rates beyond {@link VideoTrack#MAX_FRAME_RATE} are 0 (not known). */
    static double frameRate(String ratio) {
        if (ratio == null) {
            return 0;
        }
        String[] parts = ratio.split("/", -1);
        try {
            double num = Double.parseDouble(parts[0]);
            double den = parts.length == 2 ? Double.parseDouble(parts[1]) : 1;
            if (parts.length > 2 || !(num > 0) || !(den > 0)) {
                return 0;
            }
            double rate = BigDecimal.valueOf(num / den).setScale(3, java.math.RoundingMode.HALF_UP).doubleValue();
            return rate <= VideoTrack.MAX_FRAME_RATE ? rate : 0;
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }

    private static String codec(JsonNode stream) {
        String codec = text(stream, "codec_name");
        return VodCheck.isToken(codec) ? codec : UNKNOWN;
    }

    private static String language(JsonNode stream) {
        String language = text(stream.path("tags"), "language");
        return VodCheck.isLanguage(language) ? language : AudioTrack.UNDETERMINED;
    }

    /** A non-negative whole number as a JSON number or a decimal string, else -1. */
    private static long integer(JsonNode value) {
        if (value == null || value.isNull()) {
            return -1;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Math.max(value.asLong(), -1);
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Long.parseLong(text);
            }
        }
        return -1;
    }

    private static int range(long value, int max) {
        return value < 0 || value > max ? 0 : (int) value;
    }

    /** Seconds as a JSON number or a decimal string ("7265.123000"), else -1. */
    private static double seconds(JsonNode value) {
        if (value == null || value.isNull()) {
            return -1;
        }
        double seconds;
        if (value.isNumber()) {
            seconds = value.asDouble();
        } else if (value.isTextual() && value.asText().length() <= 32) {
            try {
                seconds = Double.parseDouble(value.asText());
            } catch (NumberFormatException e) {
                return -1;
            }
        } else {
            return -1;
        }
        return seconds >= 0 && seconds <= MAX_SECONDS ? seconds : -1;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
