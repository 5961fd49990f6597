package headwater.app.wiring;

import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigException;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HealthConfig;
import headwater.headend.Backoff;
import headwater.headend.ChannelSpec;
import headwater.headend.HealthThresholds;
import headwater.media.ts.DemuxOptions;
import java.util.ArrayList;
import java.util.List;

/** The configuration's channels as the headend's {@link ChannelSpec}s; a spec the headend refuses is a config problem. */
public final class ChannelSpecs {

    private ChannelSpecs() {
    }

    public static List<ChannelSpec> of(HeadwaterConfig config) {
        HealthConfig h = config.health();
        HealthThresholds health = new HealthThresholds(h.noDataTimeout(), h.noVideoTimeout(), h.maxCcErrorsPerSecond(),
                h.probation());
        Backoff backoff = new Backoff(h.backoffInitial(), h.backoffMax());
        DemuxOptions streams = demuxOptions(config);
        List<ChannelSpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.channels().size(); i++) {
            ChannelConfig c = config.channels().get(i);
            try {
                specs.add(new ChannelSpec(c.id(), c.name(), c.sources(), c.slate().orElse(null),
                        c.effectiveTargetDuration(config.hls()), config.hls().windowSegments(),
                        config.hls().extraSegmentsOnDisk(), health, backoff, streams));
            } catch (IllegalArgumentException e) {
                problems.add("channels[" + i + "]: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return specs;
    }

    /** The first program of each source, with the data PIDs the configuration keeps. */
    static DemuxOptions demuxOptions(HeadwaterConfig config) {
        return new DemuxOptions(0, config.hls().keepSubtitles(), config.hls().keepScte35(), config.hls().keepOtherData());
    }
}
