package headwater.domain.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The merge rule, one table row per case. A feed is written {@code source/priority: title start-stop ...}; the result
 * lists the kept programmes with the stop they are shown with.
 */
class GuideMergeTest {

    private static Instant at(String hhmm) {
        return Instant.parse("2026-11-21T" + hhmm + ":00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            one feed is shown whole                   | a/0: A1 10:00-11:00 A2 12:00-13:00                              | A1 10:00-11:00, A2 12:00-13:00
            higher priority wins where both have one  | a/1: A1 10:00-11:00 ; b/5: B1 10:00-11:00                        | B1 10:00-11:00
            lower fills in before and after the span  | a/1: A1 08:00-09:00 A2 09:00-10:00 A3 11:00-12:00 ; b/5: B1 09:30-11:00 | A1 08:00-09:00, A2 09:00-09:30, B1 09:30-11:00, A3 11:00-12:00
            a gap inside the higher span stays a gap  | a/1: A1 10:00-11:00 A2 11:00-12:00 ; b/5: B1 10:00-10:30 B2 11:30-12:00 | B1 10:00-10:30, B2 11:30-12:00
            lower programme starting in a span: gone  | a/1: A1 10:45-12:00 ; b/5: B1 10:00-11:00                        | B1 10:00-11:00
            lower programme over a whole span: cut    | a/1: A1 09:00-13:00 A2 13:00-14:00 ; b/5: B1 10:00-11:00         | A1 09:00-10:00, B1 10:00-11:00, A2 13:00-14:00
            equal priority: the smaller source id     | b/3: B1 10:00-11:00 ; a/3: A1 10:00-11:00                        | A1 10:00-11:00
            three sources                             | c/0: C1 07:00-08:00 C2 08:00-09:00 C3 12:00-13:00 ; b/1: B1 08:30-10:00 ; a/2: A1 09:00-11:00 | C1 07:00-08:00, C2 08:00-08:30, B1 08:30-09:00, A1 09:00-11:00, C3 12:00-13:00
            """)
    void merges_by_priority_and_span(String rule, String feeds, String expected) {
        Map<GuideFeed, List<GuideEntry>> entries = new LinkedHashMap<>();
        for (String spec : feeds.split(";")) {
            String[] head = spec.strip().split(":", 2);
            String source = head[0].split("/")[0];
            int priority = Integer.parseInt(head[0].split("/")[1]);
            String[] tokens = head[1].strip().split(" ");
            List<GuideEntry> list = new ArrayList<>();
            for (int i = 0; i < tokens.length; i += 2) {
                String[] t = tokens[i + 1].split("-");
                list.add(new GuideEntry("ch", source, "x", at(t[0]), at(t[1]), tokens[i], null, null, null));
            }
            entries.put(new GuideFeed(source, priority, "x", list.getFirst().start(), list.getLast().stop()), list);
        }

        List<GuideEntry> merged = GuideMerge.merge(entries);

        assertThat(merged.stream().map(e -> e.title() + " " + e.start().toString().substring(11, 16) + "-"
                + e.stop().toString().substring(11, 16)).toList()).as(rule)
                .containsExactly(Arrays.stream(expected.split(",")).map(String::strip).toArray(String[]::new));
        for (int i = 1; i < merged.size(); i++) {
            assertThat(merged.get(i).start()).as(rule).isAfterOrEqualTo(merged.get(i - 1).stop());
        }
    }
}
