package headwater.domain.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuideRefreshSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            never imported                                | true  | PT12H | -    | -     | true
            disabled                                      | false | PT12H | -    | -     | false
            succeeded 11 h ago, every 12 h                | true  | PT12H | PT11H | true | false
            succeeded 12 h ago, every 12 h                | true  | PT12H | PT12H | true | true
            failed 10 min ago: retry after 15 min         | true  | PT12H | PT10M | false | false
            failed 15 min ago                             | true  | PT12H | PT15M | false | true
            failed 5 min ago, every 5 min                 | true  | PT5M  | PT5M  | false | true
            """)
    void a_source_is_due_after_its_interval_or_soon_after_a_failure(String rule, boolean enabled, Duration every,
                                                                    String ago, String succeeded, boolean due) {
        GuideImportOutcome last = ago.equals("-") ? null : new GuideImportOutcome(NOW.minus(Duration.parse(ago)),
                Boolean.parseBoolean(succeeded) ? null : "line 3: malformed XML", 0, 0, 0, Duration.ZERO);
        GuideSource source = new GuideSource(GuideSourceDraft.of("epg", "EPG", "/guide.xml").withRefreshInterval(every)
                .withEnabled(enabled), 1, last, NOW, NOW);
        assertThat(GuideRefreshScheduler.due(source, NOW)).as(rule).isEqualTo(due);
    }
}
