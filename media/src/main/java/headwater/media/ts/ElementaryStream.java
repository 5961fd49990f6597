package headwater.media.ts;

/**
 * One entry of a program map: the PID that carries a stream, its {@code stream_type}, the codec that implies (with
 * descriptors such as AC-3's or teletext's taken into account), and its ISO 639 language if the PMT declares one.
 *
 * @param language three-letter code, or {@code ""} when none is declared
 * @param descriptors the raw ES_info descriptor loop, kept so a rewritten PMT can carry it unchanged
 */
public record ElementaryStream(int pid, int streamType, Codec codec, String language, byte[] descriptors) {
    public ElementaryStream {
        if (pid < 0 || pid > 0x1FFF) {
            throw new IllegalArgumentException("pid " + pid + " is outside 0..8191");
        }
        language = language == null ? "" : language;
        descriptors = descriptors == null ? new byte[0] : descriptors.clone();
    }

    @Override
    public byte[] descriptors() {
        return descriptors.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElementaryStream e && e.pid == pid && e.streamType == streamType && e.codec == codec
                && e.language.equals(language) && java.util.Arrays.equals(e.descriptors, descriptors);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(pid, streamType, codec, language, java.util.Arrays.hashCode(descriptors));
    }

    @Override
    public String toString() {
        return "ElementaryStream[pid=" + pid + ", streamType=0x" + Integer.toHexString(streamType) + ", codec=" + codec
                + (language.isEmpty() ? "" : ", language=" + language) + "]";
    }
}
