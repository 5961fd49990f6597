package headwater.store.guide;

import static headwater.store.guide.Guides.schedule;
import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.ChannelDraft;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.Programme;
import headwater.domain.epg.XmltvGuide;
import headwater.domain.epg.XmltvWriter;
import headwater.domain.guide.GuideSourceDraft;
import headwater.store.EachDatabase;
import headwater.store.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The guide of a selection of catalogue channels (a subscriber's, for xmltv.php). */
class GuideSelectionExportTest {

    private static final Instant DAY = Instant.parse("2026-11-21T00:00:00Z");

    @EachDatabase
    void only_the_selected_channels_under_their_epg_id_else_their_own_id(TestStore store) throws Exception {
        store.channels().createAll(List.of(
                ChannelDraft.of("news", 1, "News").withEpgChannelId("news.example"),
                ChannelDraft.of("news-sd", 2, "News SD").withEpgChannelId("news.example"),
                ChannelDraft.of("sport", 3, "Sport"),
                ChannelDraft.of("kids", 4, "Kids")));
        List<EpgChannel> channels = List.of(EpgChannel.of("news.example", "News"), EpgChannel.of("sp", "Sport"),
                EpgChannel.of("kd", "Kids"), EpgChannel.of("orphan", "Orphan"));
        List<Programme> programmes = new ArrayList<>();
        channels.forEach(c -> programmes.addAll(schedule(c.id(), DAY, 2, c.id())));
        store.guideSources().create(GuideSourceDraft.of("epg", "EPG", "/guide.xml"));
        Guides.imports(store, Guides.WIDE).importFrom("epg", Guides.stream(Guides.xml(channels, programmes)));

        XmltvGuide selected = Guides.read(export(store, Set.of("news", "news-sd", "sport")));

        assertThat(selected.channels()).extracting(EpgChannel::id).containsExactly("news.example", "sport");
        assertThat(selected.programmes()).extracting(Programme::channelId)
                .containsExactly("news.example", "news.example", "sport", "sport");
        assertThat(selected.programmes()).extracting(p -> p.titles().getFirst().text())
                .containsExactly("news.example 0", "news.example 1", "sp 0", "sp 1");
        assertThat(Guides.read(export(store, Set.of())).channels()).isEmpty();
        assertThat(Guides.read(Guides.export(store.guide())).channels()).extracting(EpgChannel::id)
                .as("the whole guide is unchanged").containsExactlyInAnyOrder("news.example", "sp", "kd", "orphan");
    }

    private static byte[] export(TestStore store, Set<String> channelIds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XmltvWriter writer = XmltvWriter.open(out, false)) {
            store.guide().export(writer, channelIds);
        }
        return out.toByteArray();
    }
}
