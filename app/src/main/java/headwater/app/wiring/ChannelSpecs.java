package headwater.app.wiring;

import headwater.app.config.ChannelConfig;
import headwater.app.config.ConfigException;
import headwater.app.config.HeadwaterConfig;
import headwater.app.config.HealthConfig;
import headwater.headend.Backoff;
import headwater.headend.ChannelSpec;
import headwater.headend.HealthThresholds;
import headwater.media.ts.DemuxOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The configuration's channels as the headend's {@link ChannelSpec}s; a spec the headend refuses is a config problem. */
public final class ChannelSpecs {

    private ChannelSpecs() {
    }

    public static List<ChannelSpec> of(HeadwaterConfig config) {
        List<ChannelSpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < config.channels().size(); i++) {
            ChannelConfig c = config.channels().get(i);
            try {
                specs.add(spec(config, c.id(), c.name(), c.sources(), c.slate().orElse(null),
                        c.effectiveTargetDuration(config.hls())).withArchiveDays(c.archiveDays())
                        .withEncrypted(c.encrypted()));
            } catch (IllegalArgumentException e) {
                problems.add("channels[" + i + "]: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return specs;
    }

    /**
     * A channel of the catalogue, packaged like the configuration's channels (hls.*, health.*), with no slate.
     *
     * @throws IllegalArgumentException the headend refuses the id, name or sources (the message names the field)
     */
    public static ChannelSpec forCatalogue(HeadwaterConfig config, String id, String name, List<URI> sources) {
        return forCatalogue(config, id, name, sources, 0);
    }

    /**
     * A channel of the catalogue recording {@code archiveDays} of catch-up (the catalogue's {@code archiveDays}).
     *
     * @throws IllegalArgumentException the headend refuses the id, name, sources or archive days
     */
    public static ChannelSpec forCatalogue(HeadwaterConfig config, String id, String name, List<URI> sources,
                                           int archiveDays) {
        return spec(config, id, name, sources, null, config.hls().targetDuration()).withArchiveDays(archiveDays);
    }

    private static ChannelSpec spec(HeadwaterConfig config, String id, String name, List<URI> sources, URI slate,
                                    Duration targetDuration) {
        HealthConfig h = config.health();
        HealthThresholds health = new HealthThresholds(h.noDataTimeout(), h.noVideoTimeout(), h.maxCcErrorsPerSecond(),
                h.probation());
        return new ChannelSpec(id, name, sources, slate, targetDuration, config.hls().windowSegments(),
                config.hls().extraSegmentsOnDisk(), health, new Backoff(h.backoffInitial(), h.backoffMax()),
                demuxOptions(config));
    }

    /** The first program of each source, with the data PIDs the configuration keeps. */
    static DemuxOptions demuxOptions(HeadwaterConfig config) {
        return new DemuxOptions(0, config.hls().keepSubtitles(), config.hls().keepScte35(), config.hls().keepOtherData());
    }
}
