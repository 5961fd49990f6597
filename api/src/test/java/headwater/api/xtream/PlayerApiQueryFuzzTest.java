package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the query parameters of player_api.php and panel_api.php: whatever the query string, parsing
 * never throws and every value lands in its range. Without {@code JAZZER_FUZZ=1} it replays its seed corpus
 * (resources next to this class) as a regression test.
 */
class PlayerApiQueryFuzzTest {

    @FuzzTest
    void queryString(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        Map<String, List<String>> parameters;
        try {
            parameters = new QueryStringDecoder(raw, false).parameters();
        } catch (IllegalArgumentException e) {
            return; // malformed percent-encoding: the server answers 400 before parsing (PlayerApiTest)
        }
        PlayerApiQuery query = PlayerApiQuery.parse(name -> {
            List<String> values = parameters.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        });
        check(query, parameters.get("stream_id") == null ? null : parameters.get("stream_id").get(0),
                parameters.get("action") == null ? null : parameters.get("action").get(0));
    }

    @Test
    void numbers_are_read_the_lenient_way_and_kept_in_range() {
        PlayerApiQuery query = PlayerApiQuery.parse(Map.of("action", " 202 ", "category_id", "x",
                "stream_id", "7, 8,,abc,9", "limit", "5000", "params[offset]", "-3",
                "params[items_per_page]", "1234567890", "vod_id", "0", "series_id", "12")::get);
        assertThat(query.action()).isEqualTo(PlayerApiAction.GET_LIVE_STREAMS);
        assertThat(query.categoryId()).isEqualTo(PlayerApiQuery.NO_MATCH);
        assertThat(query.streamIds()).containsExactly(7, 8, PlayerApiQuery.NO_MATCH, 9);
        assertThat(query.multi()).isTrue();
        assertThat(query.limit()).isEqualTo(PlayerApiQuery.MAX_LIMIT);
        assertThat(query.offset()).isZero();
        assertThat(query.itemsPerPage()).isZero();
        assertThat(query.vodId()).isEqualTo(PlayerApiQuery.NO_MATCH);
        assertThat(query.seriesId()).isEqualTo(12);
        PlayerApiQuery none = PlayerApiQuery.parse(Map.of("category_id", "0", "limit", "", "stream_id", "7")::get);
        assertThat(none.action()).isNull();
        assertThat(none.actionGiven()).isFalse();
        assertThat(none.categoryId()).isNull();
        assertThat(none.limit()).isEqualTo(PlayerApiQuery.DEFAULT_LIMIT);
        assertThat(none.multi()).isFalse();
        assertThat(none.streamId()).isEqualTo(7);
        assertThat(PlayerApiQuery.parse(Map.of("stream_id", "7", "multi", "")::get).multi()).isTrue();
        assertThat(PlayerApiQuery.parse(Map.of("action", "get_epg")::get).action()).isEqualTo(PlayerApiAction.GET_EPG);
        assertThat(PlayerApiQuery.parse(Map.of("action", "-1")::get).action()).isNull();
    }

    static void check(PlayerApiQuery query, String streamText, String actionText) {
        assertThat(query.limit()).isBetween(1, PlayerApiQuery.MAX_LIMIT);
        assertThat(query.offset()).isNotNegative();
        assertThat(query.itemsPerPage()).isNotNegative();
        assertThat(query.streamIds()).hasSizeLessThanOrEqualTo(PlayerApiQuery.MAX_STREAM_IDS)
                .allSatisfy(id -> assertThat(id).isGreaterThanOrEqualTo(PlayerApiQuery.NO_MATCH));
        if (query.categoryId() != null) {
            assertThat(query.categoryId()).isNotZero().isGreaterThanOrEqualTo(PlayerApiQuery.NO_MATCH);
        }
        for (Integer id : new Integer[] {query.vodId(), query.seriesId()}) {
            if (id != null) {
                assertThat(id == PlayerApiQuery.NO_MATCH || id > 0).isTrue();
            }
        }
        if (streamText != null && streamText.length() <= PlayerApiQuery.MAX_VALUE_LENGTH && streamText.contains(",")) {
            assertThat(query.multi()).isTrue();
        }
        if (query.action() != null) {
            String text = actionText.strip();
            assertThat(text.equalsIgnoreCase(query.action().wire()) || text.equals(String.valueOf(query.action().alias())))
                    .as(actionText).isTrue();
        }
    }
}
