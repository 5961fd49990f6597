package headwater.domain.epg;

/**
 * The {@code previously-shown} flag, with when and where as the guide writes them (raw XMLTV time text, often absent).
 *
 * @param start the {@code start} attribute as written, or {@code null}
 * @param channel the {@code channel} attribute, or {@code null}
 */
public record PreviouslyShown(String start, String channel) {
    public static final PreviouslyShown YES = new PreviouslyShown(null, null);
}
