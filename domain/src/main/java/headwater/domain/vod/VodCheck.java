package headwater.domain.vod;

import headwater.domain.catalog.Check;
import headwater.domain.catalog.InvalidValueException;
import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validation rules VOD adds to the catalogue's {@link Check}: long descriptive text that may span lines, years,
 * ratings, media sources and the short tokens of a {@link MediaInfo}.
 */
public final class VodCheck {

    /** Plots, cast lists and the like: long enough for a synopsis, short enough to list pages of them. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MIN_YEAR = 1870;
    public static final int MAX_YEAR = 2200;
    public static final double MAX_RATING = 10.0;
    /** A film or episode is a local file or an http(s) URL. */
    public static final Set<String> SOURCE_SCHEMES = Set.of("file", "http", "https");
    public static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

    /** Codec and container names as ffprobe prints them ({@code h264}, {@code pcm_s16le}, {@code mov,mp4,m4a}). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** ffprobe's format names, a comma-separated list of demuxers ({@code mov,mp4,m4a,3gp,3g2,mj2}). */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.-]{1,64}(,[A-Za-z0-9_.-]{1,64}){0,15}");
    /** ISO 639 codes, BCP 47 tags, and {@code und} for undetermined. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9-]{1,35}");

    private VodCheck() {
    }

    /**
     * Optional free text that may hold line breaks and tabs, but no other control character; null means not set.
     * Like every rule here it never rewrites the value.
     */
    public static String longText(String entity, String field, String value) {
        if (value == null) {
            return null;
        }
        String withoutBreaks = value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        Check.optionalText(entity, field, withoutBreaks, MAX_TEXT_LENGTH);
        return value;
    }

    public static Integer year(String entity, String field, Integer year) {
        if (year != null) {
            Check.range(entity, field, year, MIN_YEAR, MAX_YEAR);
        }
        return year;
    }

    public static Double rating(String entity, String field, Double rating) {
        if (rating != null && !(rating >= 0.0 && rating <= MAX_RATING)) {
            throw new InvalidValueException(entity, field, "is " + rating + ": must be between 0 and " + MAX_RATING);
        }
        return rating;
    }

    public static URI source(String entity, String field, URI source) {
        Check.uri(entity, field, source, SOURCE_SCHEMES);
        if ("file".equalsIgnoreCase(source.getScheme()) && (source.getPath() == null || source.getPath().isEmpty()
                || source.getRawAuthority() != null)) {
            throw new InvalidValueException(entity, field, "\"" + source + "\" is not a local file URI such as "
                    + "file:///srv/media/film.mkv");
        }
        return source;
    }

    public static URI image(String entity, String field, URI image) {
        return image == null ? null : Check.uri(entity, field, image, IMAGE_SCHEMES);
    }

    public static String token(String entity, String field, String value) {
        return matching(entity, field, value, TOKEN, "is missing",
                "is not a codec or format name: 1 to 64 ASCII letters, digits, '_', '.' or '-'");
    }

    public static String format(String entity, String field, String value) {
        return matching(entity, field, value, FORMAT, "is missing",
                "is not a container format name such as matroska,webm or mov,mp4,m4a,3gp,3g2,mj2");
    }

    public static String language(String entity, String field, String value) {
        return matching(entity, field, value, LANGUAGE, "is missing: use \"und\" when it is not known",
                "is not a language code such as eng, de or pt-BR");
    }

    /** Whether {@code value} is acceptable to {@link #language}. */
    public static boolean isLanguage(String value) {
        return value != null && LANGUAGE.matcher(value).matches();
    }

    /** Whether {@code value} is acceptable to {@link #format}. */
    public static boolean isFormat(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** Whether {@code value} is acceptable to {@link #token}. */
    public static boolean isToken(String value) {
        return value != null && TOKEN.matcher(value).matches();
    }

    private static String matching(String entity, String field, String value, Pattern pattern, String missing,
                                   String mismatch) {
        if (value == null) {
            throw new InvalidValueException(entity, field, missing);
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException(entity, field, "\"" + abbreviate(value) + "\" " + mismatch);
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
