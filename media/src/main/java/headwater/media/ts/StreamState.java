package headwater.media.ts;

import headwater.media.codec.Ac3SyncFrame;
import headwater.media.codec.AdtsHeader;
import headwater.media.codec.H264SequenceParameterSet;
import headwater.media.codec.H265SequenceParameterSet;
import headwater.media.codec.Mpeg2SequenceHeader;
import headwater.media.codec.MpegAudioHeader;
import headwater.media.codec.RandomAccessProbe;

/** What the demuxer keeps per elementary stream of the followed program: its entry, its format, its keyframe probe. */
final class StreamState {
    final ElementaryStream stream;
    final Codec codec;
    /** Carries PES packets (everything but SCTE-35 sections). */
    final boolean pes;
    /** Set for the program's first video stream, whose access units are probed for keyframes; null otherwise. */
    RandomAccessProbe probe;
    StreamFormat format;
    /** The header bits the last audio format was read from; -1 before the first. */
    int audioKey = -1;

    StreamState(ElementaryStream stream) {
        this.stream = stream;
        this.codec = stream.codec();
        this.pes = codec != Codec.SCTE35;
    }

    void probeKeyframes() {
        probe = switch (codec) {
            case H264 -> RandomAccessProbe.h264();
            case H265 -> RandomAccessProbe.h265();
            case MPEG2_VIDEO -> RandomAccessProbe.mpeg2();
            default -> null;
        };
    }

    /** The format the probe's changed parameter set describes, if it differs from the current one; else null. */
    StreamFormat videoFormatChange() {
        Object ps = probe.takeChangedParameterSet();
        StreamFormat f = switch (ps) {
            case H264SequenceParameterSet s -> StreamFormat.video(codec, s.codecs(), s.width(), s.height(), s.frameRate());
            case H265SequenceParameterSet s -> StreamFormat.video(codec, s.codecs(), s.width(), s.height(), 0);
            case Mpeg2SequenceHeader s -> StreamFormat.video(codec, s.codecs(), s.width(), s.height(), s.frameRate());
            case null, default -> null;
        };
        return changed(f);
    }

    /**
     * Reads the audio frame header at the start of a PES payload {@code b[from .. end)}, and returns the new format if
     * it differs from the current one. Costs a few byte compares when nothing changed.
     */
    StreamFormat audioFormatChange(byte[] b, int from, int end) {
        int p = from;
        switch (codec) {
            case AAC -> {
                while (p < end - 1 && !AdtsHeader.isSync(b, p, end)) {
                    p++;
                }
                if (end - p < AdtsHeader.SIZE) {
                    return null;
                }
                int key = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xC0);
                if (key == audioKey) {
                    return null;
                }
                AdtsHeader h = AdtsHeader.parse(b, p, end);
                if (h == null) {
                    return null;
                }
                audioKey = key;
                return changed(StreamFormat.audio(codec, h.codecs(), h.sampleRate(), h.channels()));
            }
            case AC3, EAC3 -> {
                while (p < end - 1 && !Ac3SyncFrame.isSync(b, p, end)) {
                    p++;
                }
                if (end - p < 8) {
                    return null;
                }
                int key = ((b[p + 4] & 0xFF) << 24) | ((b[p + 5] & 0xFF) << 16) | ((b[p + 6] & 0xFF) << 8) | (b[p + 7] & 0xFF);
                if (key == audioKey) {
                    return null;
                }
                Ac3SyncFrame h = Ac3SyncFrame.parse(b, p, end);
                if (h == null) {
                    return null;
                }
                audioKey = key;
                Codec c = h.enhanced() ? Codec.EAC3 : Codec.AC3;
                return changed(StreamFormat.audio(c, h.codecs(), h.sampleRate(), h.channels()));
            }
            case MPEG_AUDIO -> {
                while (p < end - 1 && !MpegAudioHeader.isSync(b, p, end)) {
                    p++;
                }
                if (end - p < 4) {
                    return null;
                }
                int key = (((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF)) & 0x1E0CC0;
                if (key == audioKey) {
                    return null;
                }
                MpegAudioHeader h = MpegAudioHeader.parse(b, p, end);
                if (h == null) {
                    return null;
                }
                audioKey = key;
                return changed(StreamFormat.audio(codec, h.codecs(), h.sampleRate(), h.channels()));
            }
            default -> {
                return null;
            }
        }
    }

    private StreamFormat changed(StreamFormat f) {
        if (f == null || f.equals(format)) {
            return null;
        }
        format = f;
        return f;
    }
}
