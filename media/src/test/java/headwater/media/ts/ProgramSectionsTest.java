package headwater.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramSectionsTest {

    @ParameterizedTest
    @CsvSource({
        "1b, '', H264",
        "24, '', H265",
        "01, '', MPEG2_VIDEO",
        "02, '', MPEG2_VIDEO",
        "0f, '', AAC",
        "03, '', MPEG_AUDIO",
        "04, '', MPEG_AUDIO",
        "81, '', AC3",
        "87, '', EAC3",
        "86, '', SCTE35",
        "15, '', ID3",
        "06, 6a0100, AC3",
        "06, 0a04656e6700 7a0100, EAC3",
        "06, 5608656e670900000000, TELETEXT",
        "06, 5908656e671000010001, DVB_SUBTITLE",
        "06, 050441432d33, AC3",
        "06, 0504454143 33, EAC3",
        "06, '', UNKNOWN",
        "c1, 050448455643, H265",
        "ff, 05ff, UNKNOWN",
    })
    void streamTypesAndDescriptorsNameTheCodec(String type, String descriptors, Codec codec) {
        byte[] d = HexFormat.of().parseHex(descriptors.replace(" ", ""));
        assertThat(ProgramSections.codecOf(Integer.parseInt(type, 16), d, 0, d.length)).isEqualTo(codec);
    }

    @ParameterizedTest
    @CsvSource({
        "0a04656e6700, eng",
        "6a01000a0464657500, deu",
        "0a03656e67, ''",
        "0a0400ff0000, ''",
        "'', ''",
    })
    void languageFromTheIso639Descriptor(String descriptors, String language) {
        byte[] d = HexFormat.of().parseHex(descriptors);
        assertThat(ProgramSections.language(d, 0, d.length)).isEqualTo(language);
    }
}
