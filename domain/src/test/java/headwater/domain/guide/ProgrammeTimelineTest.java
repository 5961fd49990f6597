package headwater.domain.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.epg.LocalizedText;
import headwater.domain.epg.Programme;
import headwater.domain.epg.ProgrammeLength;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgrammeTimelineTest {

    private static Instant at(String hhmm) {
        return Instant.parse("2026-11-21T" + hhmm + ":00Z");
    }

    /** "A 10:00-11:00", "B 10:30-" (no stop), "C 11:00+45" (no stop, stated length 45 minutes). */
    private static Programme parse(String spec) {
        String[] parts = spec.strip().split(" ");
        String title = parts[0];
        String times = parts[1];
        Programme.Builder b;
        if (times.contains("+")) {
            String[] t = times.split("\\+");
            b = Programme.builder("ch", at(t[0])).length(new ProgrammeLength(Long.parseLong(t[1]),
                    ProgrammeLength.Unit.MINUTES));
        } else {
            String[] t = times.split("-", -1);
            b = Programme.builder("ch", at(t[0])).stop(t[1].isEmpty() ? null : at(t[1]));
        }
        return b.title(LocalizedText.of(title)).build();
    }

    private static String show(StagedProgramme s) {
        Programme p = s.programme();
        return p.title(null).orElseThrow() + " " + p.start().toString().substring(11, 16) + "-"
                + p.stop().toString().substring(11, 16) + (s.openEnd() ? " open" : "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            contiguous, unchanged          | A 10:00-11:00, B 11:00-12:00               | A 10:00-11:00, B 11:00-12:00                   | 0 | 0 | 0
            a gap stays a gap              | A 10:00-11:00, B 11:30-12:00               | A 10:00-11:00, B 11:30-12:00                   | 0 | 0 | 0
            overlap: the later start wins  | A 10:00-11:15, B 11:00-12:00               | A 10:00-11:00, B 11:00-12:00                   | 0 | 1 | 0
            inside another: cuts it short  | A 10:00-13:00, B 11:00-12:00               | A 10:00-11:00, B 11:00-12:00                   | 0 | 1 | 0
            same start: the later one wins | A 10:00-11:00, B 10:00-10:30, C 10:30-11:00 | B 10:00-10:30, C 10:30-11:00                  | 1 | 0 | 0
            no stop: the next start        | A 10:00-, B 10:45-11:00                    | A 10:00-10:45 open, B 10:45-11:00              | 0 | 0 | 1
            no stop, last: default length  | A 10:00-11:00, B 11:00-                    | A 10:00-11:00, B 11:00-12:00 open              | 0 | 0 | 1
            no stop, last: stated length   | A 10:00-11:00, B 11:00+45                  | A 10:00-11:00, B 11:00-11:45 open              | 0 | 0 | 1
            stated length, not last: next  | A 10:00+45, B 11:00-12:00                  | A 10:00-11:00 open, B 11:00-12:00              | 0 | 0 | 1
            out of order is sorted first   | B 11:00-12:00, A 10:00-11:30               | A 10:00-11:00, B 11:00-12:00                   | 0 | 1 | 0
            zero length is kept            | A 10:00-10:00, B 10:00-11:00, C 11:00-11:00 | B 10:00-11:00, C 11:00-11:00                  | 1 | 0 | 0
            """)
    void arranges_a_channel_as_players_expect(String rule, String input, String expected, long duplicates,
                                              long truncated, long openEnded) {
        List<Programme> programmes = Arrays.stream(input.split(",")).map(ProgrammeTimelineTest::parse).toList();
        ProgrammeTimeline.Tally tally = new ProgrammeTimeline.Tally();

        List<StagedProgramme> arranged = ProgrammeTimeline.arrange(programmes, Duration.ofHours(1), tally);

        assertThat(arranged.stream().map(ProgrammeTimelineTest::show).toList()).as(rule)
                .containsExactly(Arrays.stream(expected.split(",")).map(String::strip).toArray(String[]::new));
        assertThat(new long[] {tally.duplicates(), tally.truncated(), tally.openEnded()}).as(rule)
                .containsExactly(duplicates, truncated, openEnded);
        for (int i = 1; i < arranged.size(); i++) {
            assertThat(arranged.get(i).programme().start()).isAfterOrEqualTo(arranged.get(i - 1).programme().stop());
        }
    }

    @Test
    void streaming_refuses_a_programme_before_the_previous_one() {
        List<StagedProgramme> out = new ArrayList<>();
        ProgrammeTimeline timeline = new ProgrammeTimeline(Duration.ofHours(1), new ProgrammeTimeline.Tally(), out::add);
        timeline.add(parse("A 10:00-11:00"));
        assertThatThrownBy(() -> timeline.add(parse("B 09:00-10:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("programme of ch at 2026-11-21T09:00:00Z comes after one at 2026-11-21T10:00:00Z: "
                        + "a timeline is fed in start order");
        assertThat(timeline.lastStart()).isEqualTo(at("10:00"));
        timeline.finish();
        assertThat(out).extracting(ProgrammeTimelineTest::show).containsExactly("A 10:00-11:00");
    }
}
