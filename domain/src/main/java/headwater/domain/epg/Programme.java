package headwater.domain.epg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One XMLTV {@code programme}: what a channel shows from {@code start} to {@code stop}, in UTC.
 *
 * @param channelId the {@code channel} attribute: the id of an {@link EpgChannel}
 * @param stop the end, or {@code null} when the guide gives none (the DTD makes it optional; players end a programme
 *             at the next one's start)
 * @param catchupId the {@code catchup-id} attribute (the provider's id for the recording), or {@code null}
 * @param date the {@code date} element as written (a year, {@code 20080711} ...; may be empty), or {@code null}
 * @param length the stated {@code length}, or {@code null}
 * @param previouslyShown the {@code previously-shown} flag, or {@code null} when absent
 * @param premiere the {@code premiere} flag with its optional text, or {@code null} when absent
 * @param isNew the {@code new} flag
 * @param otherAttributes attributes without a field ({@code clumpidx}, {@code pdc-start} ...), in the order read
 * @param extras child elements without a field of their own ({@code country}, {@code video} ...), in DTD order
 */
public record Programme(String channelId, Instant start, Instant stop, String catchupId,
                        List<LocalizedText> titles, List<LocalizedText> subTitles, List<LocalizedText> descriptions,
                        List<Credit> credits, String date, List<LocalizedText> categories, ProgrammeLength length,
                        List<Icon> icons, List<EpisodeNumber> episodeNumbers, PreviouslyShown previouslyShown,
                        LocalizedText premiere, boolean isNew, List<Rating> ratings, List<Rating> starRatings,
                        List<XmlAttribute> otherAttributes, List<ExtraElement> extras) {
    public Programme {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(start, "start");
        titles = List.copyOf(titles);
        subTitles = List.copyOf(subTitles);
        descriptions = List.copyOf(descriptions);
        credits = credits.stream().sorted(java.util.Comparator.comparing(Credit::kind)).toList();
        categories = List.copyOf(categories);
        icons = List.copyOf(icons);
        episodeNumbers = List.copyOf(episodeNumbers);
        ratings = List.copyOf(ratings);
        starRatings = List.copyOf(starRatings);
        otherAttributes = List.copyOf(otherAttributes);
        extras = XmltvElementOrder.sorted(extras, XmltvElementOrder.PROGRAMME);
    }

    /** This programme on another channel id or at other times (a time shift, a stop decided by the guide's rules). */
    public Programme retimed(String newChannelId, Instant newStart, Instant newStop) {
        if (newChannelId.equals(channelId) && newStart.equals(start) && Objects.equals(newStop, stop)) {
            return this;
        }
        return new Programme(newChannelId, newStart, newStop, catchupId, titles, subTitles, descriptions, credits, date,
                categories, length, icons, episodeNumbers, previouslyShown, premiere, isNew, ratings, starRatings,
                otherAttributes, extras);
    }

    public Optional<Instant> stopTime() {
        return Optional.ofNullable(stop);
    }

    /** The first title in {@code lang}, else the first title, else empty. */
    public Optional<String> title(String lang) {
        return titles.stream().filter(t -> Objects.equals(t.lang(), lang)).findFirst()
                .or(() -> titles.stream().findFirst()).map(LocalizedText::text);
    }

    public static Builder builder(String channelId, Instant start) {
        return new Builder(channelId, start);
    }

    /** Collects a programme's parts; the reader fills one per {@code programme} element. */
    public static final class Builder {
        private final String channelId;
        private final Instant start;
        private Instant stop;
        private String catchupId;
        private final List<LocalizedText> titles = new ArrayList<>();
        private final List<LocalizedText> subTitles = new ArrayList<>();
        private final List<LocalizedText> descriptions = new ArrayList<>();
        private final List<Credit> credits = new ArrayList<>();
        private String date;
        private final List<LocalizedText> categories = new ArrayList<>();
        private ProgrammeLength length;
        private final List<Icon> icons = new ArrayList<>();
        private final List<EpisodeNumber> episodeNumbers = new ArrayList<>();
        private PreviouslyShown previouslyShown;
        private LocalizedText premiere;
        private boolean isNew;
        private final List<Rating> ratings = new ArrayList<>();
        private final List<Rating> starRatings = new ArrayList<>();
        private final List<XmlAttribute> otherAttributes = new ArrayList<>();
        private final List<ExtraElement> extras = new ArrayList<>();

        private Builder(String channelId, Instant start) {
            this.channelId = channelId;
            this.start = start;
        }

        public Builder stop(Instant value) { stop = value; return this; }
        public Builder catchupId(String value) { catchupId = value; return this; }
        public Builder title(LocalizedText value) { titles.add(value); return this; }
        public Builder subTitle(LocalizedText value) { subTitles.add(value); return this; }
        public Builder description(LocalizedText value) { descriptions.add(value); return this; }
        public Builder credit(Credit value) { credits.add(value); return this; }
        public Builder date(String value) { date = value; return this; }
        public Builder category(LocalizedText value) { categories.add(value); return this; }
        public Builder length(ProgrammeLength value) { length = value; return this; }
        public Builder icon(Icon value) { icons.add(value); return this; }
        public Builder episodeNumber(EpisodeNumber value) { episodeNumbers.add(value); return this; }
        public Builder previouslyShown(PreviouslyShown value) { previouslyShown = value; return this; }
        public Builder premiere(LocalizedText value) { premiere = value; return this; }
        public Builder isNew(boolean value) { isNew = value; return this; }
        public Builder rating(Rating value) { ratings.add(value); return this; }
        public Builder starRating(Rating value) { starRatings.add(value); return this; }
        public Builder otherAttribute(XmlAttribute value) { otherAttributes.add(value); return this; }
        public Builder extra(ExtraElement value) { extras.add(value); return this; }

        boolean hasCredits() { return !credits.isEmpty(); }
        boolean hasDate() { return date != null; }
        boolean hasLength() { return length != null; }
        boolean hasPreviouslyShown() { return previouslyShown != null; }
        boolean hasPremiere() { return premiere != null; }
        boolean isNewSet() { return isNew; }

        public Programme build() {
            return new Programme(channelId, start, stop, catchupId, titles, subTitles, descriptions, credits, date,
                    categories, length, icons, episodeNumbers, previouslyShown, premiere, isNew, ratings, starRatings,
                    otherAttributes, extras);
        }
    }
}
