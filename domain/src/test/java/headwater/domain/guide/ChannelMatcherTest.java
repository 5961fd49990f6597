package headwater.domain.guide;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.domain.catalog.Channel;
import headwater.domain.catalog.ChannelDraft;
import headwater.domain.epg.EpgChannel;
import headwater.domain.epg.Icon;
import headwater.domain.epg.LocalizedText;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelMatcherTest {

    private static Channel channel(String id, String name, String epgId) {
        return new Channel(ChannelDraft.of(id, 1, name).withEpgChannelId(epgId), 1, Instant.EPOCH, Instant.EPOCH);
    }

    @ParameterizedTest(name = "\"{0}\" ~ \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Télé                | tele               | true
            TÉLÉ QUÉBEC         | télé québec        | true
            Tele  Quebec        | télé québec        | true
            ' BBC One '         | bbc one            | true
            BBC One             | BBC\u00a0One       | true
            Straße              | STRASSE            | true
            Ελληνικά            | ΕΛΛΗΝΙΚΆ           | true
            Čt 1                | ct 1               | true
            TV 2                | TV2                | false
            BBC One             | BBC One HD         | false
            Canal+              | Canal              | false
            """)
    void names_match_ignoring_case_accents_and_spacing(String catalogue, String guide, boolean matches) {
        assertThat(NameKey.of(catalogue).equals(NameKey.of(guide))).isEqualTo(matches);
        List<ChannelLink> links = new ChannelMatcher(List.of(channel("c", catalogue, null)))
                .match(List.of(EpgChannel.of("g", guide)));
        assertThat(links).isEqualTo(matches ? List.of(new ChannelLink("c", "g", ChannelLink.By.NAME)) : List.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the EPG id wins over a name                    | Sport  | sport.id  | sport.id:Other,x:Sport  | sport.id:ID
            ids are exact: case matters                    | Sport  | SPORT.ID  | sport.id:Other          | -
            no id in this guide: the name is tried         | Sport  | absent    | x:SPORT                 | x:NAME
            no EPG id: the name                            | Sport  |           | x:sport                 | x:NAME
            several with the name: the first in the guide  | Sport  |           | a:Sport,b:Sport         | a:NAME
            any display name counts                        | Sport  |           | a:Deportes/Sport        | a:NAME
            nothing matches                                | Sport  | sport.id  | a:News                  | -
            """)
    void the_epg_id_is_tried_first_then_the_name(String rule, String name, String epgId, String guide,
                                                  String expected) {
        List<EpgChannel> guideChannels = java.util.Arrays.stream(guide.split(",")).map(spec -> {
            String[] parts = spec.split(":");
            List<LocalizedText> names = java.util.Arrays.stream(parts[1].split("/")).map(LocalizedText::of).toList();
            return new EpgChannel(parts[0], names, List.<Icon>of(), List.of(), List.of(), List.of());
        }).toList();
        List<ChannelLink> links = new ChannelMatcher(List.of(channel("c", name, epgId))).match(guideChannels);
        if (expected.equals("-")) {
            assertThat(links).as(rule).isEmpty();
        } else {
            String[] e = expected.split(":");
            assertThat(links).as(rule).containsExactly(new ChannelLink("c", e[0], ChannelLink.By.valueOf(e[1])));
        }
    }
}
