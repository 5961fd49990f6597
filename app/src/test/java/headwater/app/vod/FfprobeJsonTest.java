package headwater.app.vod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.domain.vod.AudioTrack;
import headwater.domain.vod.MediaInfo;
import headwater.domain.vod.MediaProbeException;
import headwater.domain.vod.VideoTrack;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** ffprobe's JSON, recorded and hand-made odd: what is kept, what is dropped to "not known", and what is refused. */
class FfprobeJsonTest {

    private static final URI SOURCE = URI.create("file:///srv/films/a.mkv");
    private static final AudioTrack STEREO = new AudioTrack("aac", 2, "und");

    @Test
    void reads_a_recorded_matroska_probe() throws IOException {
        MediaInfo info = FfprobeJson.parse(SOURCE, resource("ffprobe-5.1-mkv.json"));

        assertThat(info).isEqualTo(new MediaInfo(Duration.ofMillis(2023), "matroska,webm",
                new VideoTrack("h264", 640, 360, 29.97), List.of(new AudioTrack("aac", 1, "eng")), 436_646L,
                List.of("fra")));
    }

    static Stream<Arguments> oddOutputs() {
        return Stream.of(
                odd("numbers as strings and strings as numbers",
                        "{'format':{'format_name':'mpegts','duration':12.5,'bit_rate':800000},'streams':["
                                + "{'codec_type':'video','codec_name':'h264','width':'1920','height':'1080','avg_frame_rate':'50/1'},"
                                + "{'codec_type':'audio','codec_name':'aac','channels':'2'}]}",
                        new MediaInfo(Duration.ofMillis(12_500), "mpegts", new VideoTrack("h264", 1920, 1080, 50.0),
                                List.of(STEREO), 800_000L, List.of())),
                odd("N/A everywhere: a live HTTP stream",
                        "{'format':{'format_name':'mpegts','duration':'N/A','bit_rate':'N/A'},'streams':["
                                + "{'codec_type':'video','codec_name':'hevc','width':1280,'height':720,"
                                + "'avg_frame_rate':'0/0','r_frame_rate':'N/A'},{'codec_type':'audio','codec_name':'aac','channels':2}]}",
                        new MediaInfo(null, "mpegts", new VideoTrack("hevc", 1280, 720, 0), List.of(STEREO), null,
                                List.of())),
                odd("no average frame rate: the real base rate is used",
                        "{'format':{'format_name':'avi'},'streams':[{'codec_type':'video','codec_name':'mpeg4',"
                                + "'width':720,'height':576,'avg_frame_rate':'0/0','r_frame_rate':'24000/1001'}]}",
                        new MediaInfo(null, "avi", new VideoTrack("mpeg4", 720, 576, 23.976), List.of(), null, List.of())),
                odd("no format duration: the longest stream's",
                        "{'format':{'format_name':'ogg'},'streams':[{'codec_type':'audio','codec_name':'vorbis',"
                                + "'channels':2,'duration':'61.0405'},{'codec_type':'audio','codec_name':'opus','channels':2,"
                                + "'duration':'60.5'}]}",
                        new MediaInfo(Duration.ofMillis(61_041), "ogg", null,
                                List.of(new AudioTrack("vorbis", 2, "und"), new AudioTrack("opus", 2, "und")), null, List.of())),
                odd("cover art is not the video, and data streams are ignored",
                        "{'format':{'format_name':'mp3','duration':'180.0'},'streams':[{'codec_type':'audio',"
                                + "'codec_name':'mp3','channels':2,'tags':{'language':'eng'}},{'codec_type':'video',"
                                + "'codec_name':'mjpeg','width':500,'height':500,'disposition':{'attached_pic':1}},"
                                + "{'codec_type':'data','codec_name':'bin_data'},{'codec_type':'attachment'}]}",
                        new MediaInfo(Duration.ofSeconds(180), "mp3", null, List.of(new AudioTrack("mp3", 2, "eng")),
                                null, List.of())),
                odd("languages that are no codes become und; free-form names that could be are kept",
                        "{'format':{'format_name':'matroska,webm'},'streams':[{'codec_type':'audio','codec_name':'ac3',"
                                + "'channels':6,'tags':{'language':'en,fr'}},{'codec_type':'audio','codec_name':'dts',"
                                + "'channels':8,'tags':{'language':'English'}},{'codec_type':'subtitle','codec_name':'ass',"
                                + "'tags':{'language':''}},{'codec_type':'subtitle','tags':{'language':'pt-BR'}},"
                                + "{'codec_type':'subtitle','tags':{'language':'<b>fr</b>'}},{'codec_type':'subtitle',"
                                + "'tags':null}]}",
                        new MediaInfo(null, "matroska,webm", null, List.of(new AudioTrack("ac3", 6, "und"),
                                new AudioTrack("dts", 8, "English")), null, List.of("und", "pt-BR", "und", "und"))),
                odd("impossible numbers are dropped to not known",
                        "{'format':{'format_name':'mov,mp4,m4a,3gp,3g2,mj2','duration':'-5','bit_rate':'-1'},'streams':["
                                + "{'codec_type':'video','codec_name':'h264','width':-1,'height':99999999999999999999,"
                                + "'avg_frame_rate':'90000/1'},{'codec_type':'audio','codec_name':'aac','channels':1000}]}",
                        new MediaInfo(null, "mov,mp4,m4a,3gp,3g2,mj2", new VideoTrack("h264", 0, 0, 0),
                                List.of(new AudioTrack("aac", 0, "und")), null, List.of())),
                odd("durations beyond ten years, NaN and Infinity are not known",
                        "{'format':{'format_name':'mpegts','duration':'1e300'},'streams':[{'codec_type':'audio',"
                                + "'codec_name':'aac','channels':2,'duration':'NaN'},{'codec_type':'audio','codec_name':'aac',"
                                + "'channels':2,'duration':'Infinity'}]}",
                        new MediaInfo(null, "mpegts", null, List.of(STEREO, STEREO), null, List.of())),
                odd("unknown codecs, odd container names and wrong JSON types",
                        "{'format':{'format_name':'weird format!','duration':['1']},'streams':[{'codec_type':'audio',"
                                + "'codec_name':'a:b','channels':{'n':2}},{'codec_type':'audio','channels':2},7,null,"
                                + "{'codec_type':['video']}],'extra':{'anything':[1,2,3]}}",
                        new MediaInfo(null, "unknown", null, List.of(new AudioTrack("unknown", 0, "und"),
                                new AudioTrack("unknown", 2, "und")), null, List.of())),
                odd("the second video stream is not the film's",
                        "{'format':{'format_name':'mpegts'},'streams':[{'codec_type':'video','codec_name':'h264',"
                                + "'width':1280,'height':720,'avg_frame_rate':'25/1'},{'codec_type':'video',"
                                + "'codec_name':'h264','width':320,'height':180,'avg_frame_rate':'25/1'}]}",
                        new MediaInfo(null, "mpegts", new VideoTrack("h264", 1280, 720, 25.0), List.of(), null, List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddOutputs")
    void reads_odd_output_into_what_is_known(String what, String json, MediaInfo expected) {
        assertThat(FfprobeJson.parse(SOURCE, json)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON           | Invalid data found                      | cannot probe file:///srv/films/a.mkv: ffprobe printed output that is not JSON (Unrecognized token 'Invalid': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))
            a JSON array       | []                                      | cannot probe file:///srv/films/a.mkv: ffprobe printed no JSON object
            empty output       | ''                                      | cannot probe file:///srv/films/a.mkv: ffprobe printed no JSON object
            no streams         | {}                                      | cannot probe file:///srv/films/a.mkv: it is not a media file: ffprobe found no audio or video stream
            subtitles only     | {"format":{"format_name":"matroska,webm"},"streams":[{"codec_type":"subtitle"}]} | cannot probe file:///srv/films/a.mkv: it is not a media file: ffprobe found no audio or video stream in it (format "matroska,webm")
            a text file        | {"format":{"format_name":"tty"},"streams":[{"codec_type":"video","codec_name":"ansi","width":640,"height":400}]} | cannot probe file:///srv/films/a.mkv: it is not a media file: ffprobe reads it as "tty" (text, subtitles or a still image), not as audio or video
            a PNG picture      | {"format":{"format_name":"png_pipe"},"streams":[{"codec_type":"video","codec_name":"png","width":64,"height":64}]} | cannot probe file:///srv/films/a.mkv: it is not a media file: ffprobe reads it as "png_pipe" (text, subtitles or a still image), not as audio or video
            only cover art     | {"format":{"format_name":"mp3"},"streams":[{"codec_type":"video","codec_name":"png","disposition":{"attached_pic":1}}]} | cannot probe file:///srv/films/a.mkv: it is not a media file: ffprobe found no audio or video stream in it (format "mp3")
            """)
    void refuses_output_that_describes_no_film(String what, String json, String message) {
        assertThatThrownBy(() -> FfprobeJson.parse(SOURCE, json)).isInstanceOf(MediaProbeException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            25/1        | 25.0
            30000/1001  | 29.97
            24000/1001  | 23.976
            60          | 60.0
            0/0         | 0.0
            25/0        | 0.0
            -25/1       | 0.0
            N/A         | 0.0
            1/2/3       | 0.0
            1000001/1   | 0.0
            NaN/1       | 0.0
            ''          | 0.0
            """)
    void frame_rates_are_ratios_kept_to_three_decimals(String ratio, double rate) {
        assertThat(FfprobeJson.frameRate(ratio)).isEqualTo(rate);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a file that is not media | file:/srv/a.txt: Invalid data found when processing input                     | NOT_MEDIA    | it is not a media file (ffprobe: Invalid data found when processing input)
            a 404                    | [http @ 0x55] HTTP error 404 Not Found\\nhttp://u:p@h/a.mkv: Server returned 404 Not Found | NOT_FOUND | it does not exist (ffprobe: Server returned 404 Not Found)
            a 403                    | http://h/a.mkv?token=x: Server returned 403 Forbidden (access denied)         | NOT_READABLE | access was refused (ffprobe: Server returned 403 Forbidden (access denied))
            a refused connection     | http://h:1/a.mkv: Connection refused                                          | NOT_READABLE | access was refused (ffprobe: Connection refused)
            a network timeout        | http://h/a.mkv: Connection timed out                                          | TIMEOUT      | the source did not answer in time (ffprobe: Connection timed out)
            a playlist leaving file: | [http @ 0x55] Protocol 'http' not on whitelist 'file'!\\nfile:/a.m3u8: Invalid data found when processing input | UNSUPPORTED_SOURCE | it refers to media by a protocol this source may not use (ffprobe: Protocol 'http' not on whitelist 'file'!)
            anything else            | something went wrong                                                          | PROBER_FAILED | ffprobe: something went wrong
            silence                  | ""                                                                            | PROBER_FAILED | ffprobe failed without a message
            """)
    void ffprobe_errors_become_reasons_without_the_source(String what, String stderr, MediaProbeException.Reason reason,
                                                          String detail) {
        MediaProbeException error = FfprobeMediaProbe.failure(SOURCE, stderr.replace("\\n", "\n"));

        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error).hasMessage("cannot probe " + SOURCE + ": " + detail);
    }

    private static Arguments odd(String what, String singleQuotedJson, MediaInfo expected) {
        return Arguments.of(what, singleQuotedJson.replace('\'', '"'), expected);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = FfprobeJsonTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
