package headwater.domain.epg;

import java.util.ArrayList;
import java.util.List;

/** A whole guide in memory: for small guides, tests and exports. Large imports stream through {@link XmltvListener}. */
public record XmltvGuide(List<EpgChannel> channels, List<Programme> programmes) {
    public XmltvGuide {
        channels = List.copyOf(channels);
        programmes = List.copyOf(programmes);
    }

    /** A listener that keeps everything it receives; {@link #guide()} is the guide so far. */
    public static final class Collector implements XmltvListener {
        private final List<EpgChannel> channels = new ArrayList<>();
        private final List<Programme> programmes = new ArrayList<>();

        @Override
        public void channel(EpgChannel channel) {
            channels.add(channel);
        }

        @Override
        public void programme(Programme programme) {
            programmes.add(programme);
        }

        public XmltvGuide guide() {
            return new XmltvGuide(channels, programmes);
        }
    }
}
