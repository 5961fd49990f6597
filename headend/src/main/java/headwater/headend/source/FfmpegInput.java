package headwater.headend.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parsed form of an {@code ffmpeg:} source: what goes after {@code -i}, and the few input options allowed.
 *
 * <p>Syntax: {@code ffmpeg:<input>[#<options>]}. The input is everything between {@code ffmpeg:} and {@code #},
 * percent-decoded, passed verbatim as one argument (its own query stays with it): {@code ffmpeg:rtmp://host/app/key},
 * {@code ffmpeg:srt://10.0.0.5:9000?mode=caller}, {@code ffmpeg:/srv/in.mkv#re&loop}. The options, in the fragment,
 * are {@code f=<format>} ({@code -f} before {@code -i}, such as {@code f=lavfi}), {@code re} (read at native rate:
 * for files, never for live inputs) and {@code loop} ({@code -stream_loop -1}). Nothing else reaches the command
 * line: no shell, an input may not start with '-', and options are checked.
 *
 * @param input the argument of {@code -i}
 * @param format the argument of {@code -f} before {@code -i}, or null
 * @param nativeRate whether to pass {@code -re}
 * @param loop whether to pass {@code -stream_loop -1}
 */
record FfmpegInput(String input, String format, boolean nativeRate, boolean loop) {
    static final Set<String> OPTIONS = Set.of("f", "re", "loop");

    static FfmpegInput parse(URI uri, String source) {
        String input = uri.getSchemeSpecificPart();
        if (input == null || input.isBlank()) {
            throw new InvalidSourceException(source + " names no input: expected ffmpeg:<input>[#f=fmt&re&loop]");
        }
        if (input.startsWith("-")) {
            throw new InvalidSourceException(source + " has input '" + input
                    + "' that starts with '-': options go in the fragment (#f=lavfi&re&loop)");
        }
        SourceOptions options = SourceOptions.parse(uri.getRawFragment(), OPTIONS, source);
        String format = options.get("f");
        if (format != null && !format.matches("[A-Za-z0-9_,]+")) {
            throw new InvalidSourceException(source + " has option f=" + format + ": expected a format name");
        }
        return new FfmpegInput(input, format, options.flag("re", false), options.flag("loop", false));
    }

    /** The command line: the input re-muxed to MPEG-TS on stdout, no re-encoding. */
    List<String> command(Path ffmpeg) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error"));
        if (nativeRate) {
            cmd.add("-re");
        }
        if (loop) {
            cmd.addAll(List.of("-stream_loop", "-1"));
        }
        if (format != null) {
            cmd.addAll(List.of("-f", format));
        }
        cmd.addAll(List.of("-i", input, "-map", "0", "-c", "copy", "-f", "mpegts", "pipe:1"));
        return cmd;
    }
}
