package headwater.app.vod;

import headwater.app.config.HeadwaterConfig;
import headwater.domain.vod.MediaProbe;
import headwater.security.outbound.HostResolver;

/** The media probe a configuration asks for: its ffprobe, its {@code vod.probeTimeout}, its outbound policy. */
public final class ConfiguredProbe {

    private ConfiguredProbe() {
    }

    /**
     * @throws headwater.app.config.ConfigException the configured ffprobe path is not an executable file
     * @throws IllegalStateException                there is no ffprobe at all
     */
    public static MediaProbe of(HeadwaterConfig config) {
        Ffprobe ffprobe = FfprobeLocator.forThisProcess(config.ffmpeg().ffprobePath()).locate();
        return new OutboundCheckedProbe(new FfprobeMediaProbe(ffprobe.executable(), config.vod().probeTimeout()),
                config.outbound().policy(), HostResolver.SYSTEM);
    }
}
