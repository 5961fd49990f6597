package headwater.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The generated MPEG-TS byte fixtures (see testkit/fixtures/README.md and make-fixtures.sh), read from the classpath.
 *
 * <pre>{@code
 * byte[] ts = Fixtures.bytes(Fixtures.H264_AAC_720P);
 * Path file = Fixtures.path(Fixtures.HEVC_AC3_360P); // for ffprobe or a file:// source
 * }</pre>
 */
public final class Fixtures {
    /** H.264 High + AAC-LC stereo, 1280x720, 25 fps, 3 s, an IDR every second. */
    public static final String H264_AAC_720P = "h264-aac-720p.ts";
    /** H.264 Main + AAC-LC mono, 320x180, 25 fps, 3 s. */
    public static final String H264_AAC_180P = "h264-aac-180p.ts";
    /** H.265 Main + AC-3 5.1 (stream_type 0x81), 640x360, 2 s. */
    public static final String HEVC_AC3_360P = "hevc-ac3-360p.ts";
    /** MPEG-2 video + MPEG-1 Layer II audio, 352x288, 2 s. */
    public static final String MPEG2_MP2 = "mpeg2-mp2.ts";
    /** No video: AAC-LC stereo only, 3 s. */
    public static final String AUDIO_ONLY_AAC = "audio-only-aac.ts";
    /** No video: E-AC-3 as DVB private data (0x06 + descriptor 0x7A), language "eng", 2 s. */
    public static final String AUDIO_ONLY_EAC3_DVB = "audio-only-eac3-dvb.ts";
    /** Two muxes joined: same PMT PID, elementary PIDs 0x100/0x101 then 0x200 (video only). */
    public static final String PMT_CHANGE = "pmt-change.ts";
    /** Two muxes joined: the PAT moves the program from PMT PID 0x1000 to 0x1100, streams to 0x300/0x301. */
    public static final String PID_CHANGE = "pid-change.ts";
    /** {@link #H264_AAC_180P} with 1000 bytes of text after packet 40 and packet 60 cut to 100 bytes. */
    public static final String GARBAGE_TRUNCATED = "garbage-truncated.ts";
    /** H.264 + AAC 320x180, 3 s, whose PTS wraps past 2^33 about a second in. */
    public static final String PTS_WRAP = "pts-wrap.ts";
    /** Program 1 (H.264 320x180 + AAC on 0x100/0x101) and program 2 (H.264 256x144 + AAC on 0x102/0x103). */
    public static final String MULTI_PROGRAM = "multi-program.ts";

    public static final List<String> ALL = List.of(H264_AAC_720P, H264_AAC_180P, HEVC_AC3_360P, MPEG2_MP2,
            AUDIO_ONLY_AAC, AUDIO_ONLY_EAC3_DVB, PMT_CHANGE, PID_CHANGE, GARBAGE_TRUNCATED, PTS_WRAP, MULTI_PROGRAM);

    private static final String ROOT = "/headwater/testkit/fixtures/";

    private Fixtures() {}

    /** The whole file. */
    public static byte[] bytes(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + name + " could not be read", e);
        }
    }

    /** A file system path to the fixture: the resource itself when it is a file, else a copy in a temp file. */
    public static Path path(String name) {
        URL url = url(name);
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("headwater-fixture-", "-" + name);
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + name + " could not be copied to a file", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("fixture " + name + " has an unusable URL " + url, e);
        }
    }

    public static InputStream open(String name) {
        try {
            return url(name).openStream();
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + name + " could not be opened", e);
        }
    }

    private static URL url(String name) {
        if (name.contains("/") || name.contains("..")) {
            throw new IllegalArgumentException("fixture name " + name + " must be a plain file name, e.g. " + H264_AAC_720P);
        }
        URL url = Fixtures.class.getResource(ROOT + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name + "; known: " + ALL
                    + " (regenerate with testkit/fixtures/make-fixtures.sh)");
        }
        return url;
    }
}
