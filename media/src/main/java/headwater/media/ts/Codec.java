package headwater.media.ts;

/** What an elementary stream carries, as far as packaging cares. Detected from the PMT and confirmed from the bitstream. */
public enum Codec {
    H264(Kind.VIDEO),
    H265(Kind.VIDEO),
    MPEG2_VIDEO(Kind.VIDEO),
    AAC(Kind.AUDIO),
    AC3(Kind.AUDIO),
    EAC3(Kind.AUDIO),
    MPEG_AUDIO(Kind.AUDIO),
    DVB_SUBTITLE(Kind.SUBTITLE),
    TELETEXT(Kind.SUBTITLE),
    SCTE35(Kind.DATA),
    ID3(Kind.DATA),
    UNKNOWN(Kind.DATA);

    public enum Kind { VIDEO, AUDIO, SUBTITLE, DATA }

    private final Kind kind;

    Codec(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isVideo() {
        return kind == Kind.VIDEO;
    }

    public boolean isAudio() {
        return kind == Kind.AUDIO;
    }
}
