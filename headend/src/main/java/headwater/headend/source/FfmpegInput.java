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
 * for files, never for live inputs) and {@code loop} ({@code -stream_loop -1}); for an http(s) input only,
 * {@code user-agent} ({@code -user_agent}) and {@code referer} ({@code -referer}), checked as
 * {@link RequestHeaders} values (no CR, LF or NUL), percent-encoded as the M3U import writes them. Nothing else
 * reaches the command line: no shell, an input may not start with '-', and options are checked.
 *
 * @param input the argument of {@code -i}
 * @param format the argument of {@code -f} before {@code -i}, or null
 * @param nativeRate whether to pass {@code -re}
 * @param loop whether to pass {@code -stream_loop -1}
 * @param userAgent the argument of {@code -user_agent}, or null
 * @param referer the argument of {@code -referer}, or null
 */
record FfmpegInput(String input, String format, boolean nativeRate, boolean loop, String userAgent, String referer) {
    static final Set<String> OPTIONS = Set.of("f", "re", "loop", "user-agent", "referer");

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
        String userAgent = header(options, "user-agent", input, source);
        String referer = header(options, "referer", input, source);
        return new FfmpegInput(input, format, options.flag("re", false), options.flag("loop", false), userAgent,
                referer);
    }

    /** A request-header option: only ffmpeg's http protocol has them, and the value must be one header line. */
    private static String header(SourceOptions options, String name, String input, String source) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        String scheme = input.indexOf(':') > 0 ? input.substring(0, input.indexOf(':')).toLowerCase(java.util.Locale.ROOT)
                : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidSourceException(source + " has option " + name + ": it applies to http(s) inputs only, "
                    + "and the input is " + (scheme.isEmpty() ? "not a URL" : scheme + "://…"));
        }
        RequestHeaders.checkValue(name, value, source);
        return value;
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
        if (userAgent != null) {
            cmd.addAll(List.of("-user_agent", userAgent));
        }
        if (referer != null) {
            cmd.addAll(List.of("-referer", referer));
        }
        cmd.addAll(List.of("-i", input, "-map", "0", "-c", "copy", "-f", "mpegts", "pipe:1"));
        return cmd;
    }
}
