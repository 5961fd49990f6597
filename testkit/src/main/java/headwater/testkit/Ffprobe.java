package headwater.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks Debian's ffprobe (and ffmpeg, for full decodes) what a file or an {@code http://} URL holds. Each method skips
 * the calling test when the tool is missing (fails it under {@code CI=true}).
 */
public final class Ffprobe {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Ffprobe() {}

    public static ProbedMedia streams(Path file) {
        return streams(file.toString());
    }

    /** Streams and format of a file path or URL ({@code -of json -show_streams -show_format}). */
    public static ProbedMedia streams(String pathOrUrl) {
        return streams(pathOrUrl, List.of());
    }

    /**
     * @param inputOptions options for the input, e.g. {@code -ca_file server.crt -tls_verify 1} for an HTTPS server
     *                     with its own certificate
     */
    public static ProbedMedia streams(String pathOrUrl, List<String> inputOptions) {
        JsonNode root = probe(pathOrUrl, inputOptions, "-show_streams", "-show_format");
        List<ProbedStream> streams = new ArrayList<>();
        for (JsonNode s : root.path("streams")) {
            streams.add(new ProbedStream(s.path("index").asInt(), text(s, "codec_type"), text(s, "codec_name"),
                    text(s, "profile"), s.path("width").asInt(0), s.path("height").asInt(0),
                    text(s, "r_frame_rate"), s.path("sample_rate").asInt(0), s.path("channels").asInt(0),
                    number(s, "duration")));
        }
        JsonNode format = root.path("format");
        return new ProbedMedia(streams, text(format, "format_name"), number(format, "duration"),
                format.path("size").asLong(0), format.path("bit_rate").asLong(0));
    }

    public static Map<Integer, List<ProbedPacket>> packets(Path file) {
        return packets(file.toString());
    }

    /** Every packet's stream, pts, dts, keyframe flag and size, grouped by stream index, in file order. */
    public static Map<Integer, List<ProbedPacket>> packets(String pathOrUrl) {
        JsonNode root = probe(pathOrUrl, List.of(), "-show_entries", "packet=stream_index,pts,dts,flags,size");
        Map<Integer, List<ProbedPacket>> byStream = new TreeMap<>();
        for (JsonNode p : root.path("packets")) {
            ProbedPacket packet = new ProbedPacket(p.path("stream_index").asInt(), timestamp(p.path("pts")),
                    timestamp(p.path("dts")), text(p, "flags").indexOf('K') >= 0, p.path("size").asInt(0));
            byStream.computeIfAbsent(packet.streamIndex(), i -> new ArrayList<>()).add(packet);
        }
        return byStream;
    }

    public static List<String> decodeErrors(Path file) {
        return decodeErrors(file.toString());
    }

    /**
     * Decodes every stream of a file path or URL in full ({@code ffmpeg -v error -i X -f null -}) and returns the
     * error lines ffmpeg printed, empty when the decode was clean. An exit failure without error lines is reported as
     * one synthetic line so it cannot pass for clean.
     */
    public static List<String> decodeErrors(String pathOrUrl) {
        return decode(pathOrUrl, List.of());
    }

    /**
     * Like {@link #decodeErrors(String)}, but stops after {@code mediaLimit} of media ({@code -t}): for a live
     * playlist, which never ends, decode a few segments' worth.
     */
    public static List<String> decodeErrors(String pathOrUrl, Duration mediaLimit) {
        return decodeErrors(pathOrUrl, mediaLimit, List.of());
    }

    /** As {@link #decodeErrors(String, Duration)}, with options for the input (see {@link #streams(String, List)}). */
    public static List<String> decodeErrors(String pathOrUrl, Duration mediaLimit, List<String> inputOptions) {
        return decode(pathOrUrl, inputOptions, List.of("-t", String.valueOf(mediaLimit.toMillis() / 1000.0)));
    }

    private static List<String> decode(String pathOrUrl, List<String> outputOptions) {
        return decode(pathOrUrl, List.of(), outputOptions);
    }

    private static List<String> decode(String pathOrUrl, List<String> inputOptions, List<String> outputOptions) {
        Path ffmpeg = Tools.requireFfmpeg();
        List<String> argv = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-v", "error"));
        argv.addAll(inputOptions);
        argv.addAll(List.of("-i", pathOrUrl));
        argv.addAll(outputOptions);
        argv.addAll(List.of("-f", "null", "-"));
        CommandResult result = ExternalCommand.run(argv, DEFAULT_TIMEOUT);
        List<String> lines = new ArrayList<>(result.stderrLines());
        if (!result.succeeded() && lines.isEmpty()) {
            lines.add("ffmpeg exited with " + result.exitCode() + " decoding " + pathOrUrl);
        }
        return lines;
    }

    private static JsonNode probe(String pathOrUrl, List<String> inputOptions, String... what) {
        Path ffprobe = Tools.requireFfprobe();
        List<String> argv = new ArrayList<>(List.of(ffprobe.toString(), "-hide_banner", "-v", "error", "-of", "json"));
        argv.addAll(inputOptions);
        argv.addAll(List.of(what));
        argv.add(pathOrUrl);
        CommandResult result = ExternalCommand.run(argv, DEFAULT_TIMEOUT).orThrow();
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException("ffprobe printed JSON that does not parse, probing " + pathOrUrl, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static double number(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static long timestamp(JsonNode value) {
        return value.isIntegralNumber() || (value.isTextual() && value.asText().matches("-?\\d+"))
                ? value.asLong()
                : ProbedPacket.NO_TIMESTAMP;
    }

}
