package headwater.domain.guide;

import java.util.Optional;

/**
 * What a channel shows now and next.
 *
 * @param now  the programme on at the asked time, or {@code null} (a gap, or no guide)
 * @param next the first programme that starts after the asked time, or {@code null}
 */
public record NowNext(GuideEntry now, GuideEntry next) {

    public static final NowNext NONE = new NowNext(null, null);

    public Optional<GuideEntry> current() {
        return Optional.ofNullable(now);
    }

    public Optional<GuideEntry> following() {
        return Optional.ofNullable(next);
    }
}
