package headwater.domain.epg;

/**
 * Receives a guide's channels and programmes one at a time, in document order, as the reader meets them. If the read
 * ends in {@link XmltvParseException}, what was received belongs to a guide that failed: discard it.
 */
public interface XmltvListener {
    void channel(EpgChannel channel);

    void programme(Programme programme);
}
