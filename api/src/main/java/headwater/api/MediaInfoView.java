package headwater.api;

import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.VideoTrack;
import java.util.List;

/** What ffprobe found in a film or an episode, as the API returns it (read-only: the server probes, clients don't). */
record MediaInfoView(Double durationSeconds, String container, VideoTrack video, List<AudioTrack> audio, Long bitRate,
                     List<String> subtitleLanguages) {

    static MediaInfoView of(MediaInfo info) {
        if (info == null) {
            return null;
        }
        return new MediaInfoView(info.duration() == null ? null : info.duration().toMillis() / 1000.0, info.container(),
                info.video(), info.audio(), info.bitRate(), info.subtitleLanguages());
    }
}
