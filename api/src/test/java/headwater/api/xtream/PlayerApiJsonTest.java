package headwater.api.xtream;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.api.xtream.PlayerApiWire.Live;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows serialized one by one and joined are byte for byte the serialized list; a kept answer sends those bytes. */
class PlayerApiJsonTest {

    @Test
    void joined_rows_are_the_bytes_of_the_serialized_list() {
        List<Live> rows = List.of(
                new Live(1, "News \"One\" é \u2028 <b>", "live", 7, "", null, "1700000000", "", 1, "", 2, "1",
                        List.of(1, 2), ""),
                new Live(2, "Radio\n", "radio_streams", 8, "http://x/y.png", "r.example", "0", "", 0, "", 0, "",
                        List.of(), ""));
        for (int n = 0; n <= rows.size(); n++) {
            List<Live> some = rows.subList(0, n);
            List<byte[]> each = new ArrayList<>();
            some.forEach(row -> each.add(PlayerApiJson.write(row)));
            byte[] joined = PlayerApiJson.array(each);
            assertThat(joined).as(n + " rows").isEqualTo(PlayerApiJson.write(some));

            PlayerApiJson.Kept kept = PlayerApiJson.Kept.of(joined);
            Buffer first = kept.buffer();
            Buffer second = kept.buffer();
            assertThat(first.getBytes()).isEqualTo(joined);
            assertThat(second.getBytes()).as("every response its own view").isEqualTo(joined);
        }
    }
}
