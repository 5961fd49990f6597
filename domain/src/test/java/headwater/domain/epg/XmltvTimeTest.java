package headwater.domain.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmltvTimeTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            20250208000000 +0100      | 2025-02-07T23:00:00Z
            20221129000000 -0300      | 2022-11-29T03:00:00Z
            20250922014500 +0300      | 2025-09-21T22:45:00Z
            20231121103000 +0000      | 2023-11-21T10:30:00Z
            20250101120000 +0530      | 2025-01-01T06:30:00Z
            20250101120000 -0930      | 2025-01-01T21:30:00Z
            20250101120000 +0545      | 2025-01-01T06:15:00Z
            20250101120000+0100       | 2025-01-01T11:00:00Z
            20250101120000 +01:00     | 2025-01-01T11:00:00Z
            20250101120000 +01        | 2025-01-01T11:00:00Z
            20250101120000 Z          | 2025-01-01T12:00:00Z
            20250101120000 UTC        | 2025-01-01T12:00:00Z
            20250101120000 gmt        | 2025-01-01T12:00:00Z
            '  20250101120000 +0000 ' | 2025-01-01T12:00:00Z
            202501011200 +0200        | 2025-01-01T10:00:00Z
            2025010112 +0200          | 2025-01-01T10:00:00Z
            20250101 +0200            | 2024-12-31T22:00:00Z
            202501                    | 2025-01-01T00:00:00Z
            2025                      | 2025-01-01T00:00:00Z
            20250101120000            | 2025-01-01T12:00:00Z
            20241231233000 -1200      | 2025-01-01T11:30:00Z
            20250101000000 +1400      | 2024-12-31T10:00:00Z
            20240229120000 +0000      | 2024-02-29T12:00:00Z
            00000101000000 +0000      | 0000-01-01T00:00:00Z
            99991231235959 +0000      | 9999-12-31T23:59:59Z
            """)
    void parsesToUtc(String text, String utc) {
        assertThat(XmltvTime.parse(text, ZoneOffset.UTC)).isEqualTo(Instant.parse(utc));
    }

    @Test
    void timeWithoutOffsetIsInTheDefaultZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(XmltvTime.parse("20250101120000", berlin)).isEqualTo(Instant.parse("2025-01-01T11:00:00Z"));
        assertThat(XmltvTime.parse("20250701120000", berlin)).isEqualTo(Instant.parse("2025-07-01T10:00:00Z"));
        assertThat(XmltvTime.parse("20250701120000 +0000", berlin)).isEqualTo(Instant.parse("2025-07-01T12:00:00Z"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                    | found 0 digits
            abc                   | found 0 digits
            202                   | found 3 digits
            2025010112000 +0000   | found 13 digits
            20251301000000 +0000  | is not a calendar time
            20250230000000 +0000  | is not a calendar time
            20250101250000 +0000  | is not a calendar time
            20250101120000 BST    | only numeric offsets
            20250101120000 +1900  | beyond ±18:00
            20250101120000 +0160  | beyond ±18:00
            20250101120000 +1     | expected ±hhmm
            20250101120000 +01:0  | expected ±hhmm
            20250101120000 +0100x | expected ±hhmm
            99991231235959 -0100  | outside the years 0000 to 9999
            00000101000000 +0100  | outside the years 0000 to 9999
            """)
    void refusesWhatIsNotAnXmltvTime(String text, String reason) {
        assertThatThrownBy(() -> XmltvTime.parse(text, ZoneOffset.UTC)).isInstanceOf(DateTimeException.class)
                .hasMessageContaining(reason).hasMessageContaining("'" + text + "'");
    }

    @Test
    void formatsInUtcToTheSecond() {
        assertThat(XmltvTime.format(Instant.parse("2025-02-07T23:00:00Z"))).isEqualTo("20250207230000 +0000");
        assertThat(XmltvTime.format(Instant.parse("2025-02-07T23:00:00.900Z"))).isEqualTo("20250207230000 +0000");
        assertThat(XmltvTime.format(Instant.parse("0000-01-01T00:00:00Z"))).isEqualTo("00000101000000 +0000");
        Instant t = Instant.parse("2026-05-03T11:42:50Z");
        assertThat(XmltvTime.parse(XmltvTime.format(t), ZoneId.of("Asia/Kolkata"))).isEqualTo(t);
    }
}
