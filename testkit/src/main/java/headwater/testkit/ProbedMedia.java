package headwater.testkit;

import java.util.List;
import java.util.Optional;

/**
 * What ffprobe's {@code -show_streams -show_format} says about a file or URL.
 *
 * @param formatName e.g. {@code mpegts}, {@code hls}
 * @param duration seconds, NaN when unknown
 * @param sizeBytes 0 when unknown (live URLs)
 * @param bitRate bits per second, 0 when unknown
 */
public record ProbedMedia(List<ProbedStream> streams, String formatName, double duration, long sizeBytes,
        long bitRate) {

    public ProbedMedia {
        streams = List.copyOf(streams);
    }

    public Optional<ProbedStream> video() {
        return streams.stream().filter(ProbedStream::isVideo).findFirst();
    }

    public Optional<ProbedStream> audio() {
        return streams.stream().filter(ProbedStream::isAudio).findFirst();
    }

    /** Codec names in stream order, e.g. {@code [h264, aac]}. */
    public List<String> codecNames() {
        return streams.stream().map(ProbedStream::codecName).toList();
    }
}
