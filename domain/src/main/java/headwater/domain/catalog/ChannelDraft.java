package headwater.domain.catalog;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an operator says about a channel: everything but the store's bookkeeping (version, created and updated
 * times). Validated on construction; every refusal names the field.
 *
 * @param id           stable key (letters, digits, '.', '_', '-'; at most 64 characters)
 * @param number       the channel number viewers dial, unique, {@value #MIN_NUMBER} to {@value #MAX_NUMBER}
 * @param name         display name, at most 200 characters, no control characters
 * @param logo         http(s) URI of the logo, or null
 * @param categoryIds  ids of the categories the channel appears in, in display order, no duplicates
 * @param epgChannelId the XMLTV channel id that feeds this channel's guide, or null
 * @param sources      where the headend pulls the stream from, in failover order, no duplicates
 * @param archiveDays  days of catch-up kept, 0 (none) to {@value #MAX_ARCHIVE_DAYS}
 * @param radio        an audio-only channel
 * @param enabled      shown to subscribers and run by the headend
 * @param encrypted    its HLS segments are encrypted with AES-128, keys given only inside its playback sessions
 */
public record ChannelDraft(String id, int number, String name, URI logo, List<String> categoryIds, String epgChannelId,
                           List<URI> sources, int archiveDays, boolean radio, boolean enabled, boolean encrypted) {

    /** The API's and the CLI's word for an encrypted channel ({@code encryption}). */
    public static final String AES_128 = "aes-128";
    /** The API's and the CLI's word for a channel in the clear. */
    public static final String NO_ENCRYPTION = "none";

    public static final int MIN_NUMBER = 1;
    public static final int MAX_NUMBER = 99_999;
    public static final int MAX_ARCHIVE_DAYS = 365;
    public static final int MAX_CATEGORIES = 64;
    public static final int MAX_SOURCES = 32;
    public static final int MAX_EPG_CHANNEL_ID_LENGTH = 255;
    public static final Set<String> LOGO_SCHEMES = Set.of("http", "https");
    public static final Set<String> SOURCE_SCHEMES = Set.of("http", "https", "udp", "rtp", "rtsp", "rtmp", "rtmps", "srt");

    public ChannelDraft {
        Check.id("channel", "id", id);
        Check.range("channel", "number", number, MIN_NUMBER, MAX_NUMBER);
        Check.text("channel", "name", name, Check.MAX_NAME_LENGTH);
        if (logo != null) {
            Check.uri("channel", "logo", logo, LOGO_SCHEMES);
        }
        categoryIds = Check.ids("channel", "categoryIds", categoryIds, MAX_CATEGORIES);
        epgChannelId = Check.optionalText("channel", "epgChannelId", epgChannelId, MAX_EPG_CHANNEL_ID_LENGTH);
        if (epgChannelId != null && epgChannelId.isBlank()) {
            throw new InvalidValueException("channel", "epgChannelId", "is blank: leave it unset instead");
        }
        sources = sources(sources);
        Check.range("channel", "archiveDays", archiveDays, 0, MAX_ARCHIVE_DAYS);
    }

    /**
     * Whether {@code encryption} ({@value #AES_128} or {@value #NO_ENCRYPTION}; null means none) asks for encryption.
     *
     * @throws InvalidValueException any other word
     */
    public static boolean encryption(String encryption) {
        if (encryption == null || encryption.equals(NO_ENCRYPTION)) {
            return false;
        }
        if (encryption.equals(AES_128)) {
            return true;
        }
        throw new InvalidValueException("channel", "encryption", "must be " + AES_128 + " or " + NO_ENCRYPTION);
    }

    /** {@value #AES_128} or {@value #NO_ENCRYPTION}. */
    public String encryption() {
        return encrypted ? AES_128 : NO_ENCRYPTION;
    }

    /** A channel in the clear. */
    public ChannelDraft(String id, int number, String name, URI logo, List<String> categoryIds, String epgChannelId,
                        List<URI> sources, int archiveDays, boolean radio, boolean enabled) {
        this(id, number, name, logo, categoryIds, epgChannelId, sources, archiveDays, radio, enabled, false);
    }

    /** A new enabled TV channel without logo, categories, guide, sources or archive. */
    public static ChannelDraft of(String id, int number, String name) {
        return new ChannelDraft(id, number, name, null, List.of(), null, List.of(), 0, false, true);
    }

    public ChannelDraft withNumber(int newNumber) {
        return new ChannelDraft(id, newNumber, name, logo, categoryIds, epgChannelId, sources, archiveDays, radio,
                enabled, encrypted);
    }

    public ChannelDraft withName(String newName) {
        return new ChannelDraft(id, number, newName, logo, categoryIds, epgChannelId, sources, archiveDays, radio,
                enabled, encrypted);
    }

    public ChannelDraft withLogo(URI newLogo) {
        return new ChannelDraft(id, number, name, newLogo, categoryIds, epgChannelId, sources, archiveDays, radio,
                enabled, encrypted);
    }

    public ChannelDraft withCategoryIds(List<String> newCategoryIds) {
        return new ChannelDraft(id, number, name, logo, newCategoryIds, epgChannelId, sources, archiveDays, radio,
                enabled, encrypted);
    }

    public ChannelDraft withEpgChannelId(String newEpgChannelId) {
        return new ChannelDraft(id, number, name, logo, categoryIds, newEpgChannelId, sources, archiveDays, radio,
                enabled, encrypted);
    }

    public ChannelDraft withSources(List<URI> newSources) {
        return new ChannelDraft(id, number, name, logo, categoryIds, epgChannelId, newSources, archiveDays, radio,
                enabled, encrypted);
    }

    public ChannelDraft withArchiveDays(int newArchiveDays) {
        return new ChannelDraft(id, number, name, logo, categoryIds, epgChannelId, sources, newArchiveDays, radio,
                enabled, encrypted);
    }

    public ChannelDraft withRadio(boolean newRadio) {
        return new ChannelDraft(id, number, name, logo, categoryIds, epgChannelId, sources, archiveDays, newRadio,
                enabled, encrypted);
    }

    /** The same channel with its HLS encrypted (AES-128) or in the clear. */
    public ChannelDraft withEncrypted(boolean newEncrypted) {
        return new ChannelDraft(id, number, name, logo, categoryIds, epgChannelId, sources, archiveDays, radio, enabled,
                newEncrypted);
    }

    public ChannelDraft withEnabled(boolean newEnabled) {
        return new ChannelDraft(id, number, name, logo, categoryIds, epgChannelId, sources, archiveDays, radio,
                newEnabled, encrypted);
    }

    private static List<URI> sources(List<URI> sources) {
        if (sources == null) {
            throw new InvalidValueException("channel", "sources", "is missing");
        }
        if (sources.size() > MAX_SOURCES) {
            throw new InvalidValueException("channel", "sources", "has " + sources.size() + " entries: at most "
                    + MAX_SOURCES + " allowed");
        }
        Set<URI> seen = new HashSet<>();
        List<URI> checked = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            URI source = Check.uri("channel", "sources[" + i + "]", sources.get(i), SOURCE_SCHEMES);
            if (!seen.add(source)) {
                throw new InvalidValueException("channel", "sources", "lists " + source + " twice");
            }
            checked.add(source);
        }
        return List.copyOf(checked);
    }
}
