package headwater.testkit;

import java.util.List;
import java.util.Objects;

/** What a browser did with a stream over a while: the {@code <video>} element sampled a few times a second. */
public record Playback(String url, List<PlaybackSample> samples) {

    public Playback {
        samples = List.copyOf(samples);
    }

    /** Seconds of media time played between the first and last sample (0 without samples). */
    public double timeAdvanced() {
        return samples.isEmpty() ? 0 : last().currentTime() - samples.getFirst().currentTime();
    }

    public PlaybackSample last() {
        return samples.getLast();
    }

    public int maxReadyState() {
        return samples.stream().mapToInt(PlaybackSample::readyState).max().orElse(0);
    }

    /** The video width of the last sample that had one, 0 if none did. */
    public int videoWidth() {
        return samples.reversed().stream().mapToInt(PlaybackSample::videoWidth).filter(w -> w > 0).findFirst()
                .orElse(0);
    }

    /** Distinct errors the element or {@code play()} reported, in order of appearance. */
    public List<String> errors() {
        return samples.stream().map(PlaybackSample::error).filter(Objects::nonNull).distinct().toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("playback of ").append(url).append(": ");
        for (PlaybackSample s : samples) {
            text.append(String.format(java.util.Locale.ROOT, "[%dms t=%.2f rs=%d %dx%d%s%s] ", s.at().toMillis(),
                    s.currentTime(), s.readyState(), s.videoWidth(), s.videoHeight(), s.paused() ? " paused" : "",
                    s.error() == null ? "" : " error=" + s.error()));
        }
        return text.toString();
    }
}
