package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;

import headwater.media.ts.TsPacket;
import headwater.testkit.Ffprobe;
import headwater.testkit.ProbedMedia;
import headwater.testkit.ProbedStream;
import headwater.testkit.Tools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real multicast joins of {@link UdpSource}, which the root network namespace cannot test (its {@code lo} has no
 * MULTICAST flag): a private network namespace whose loopback carries multicast, receivers of ours running inside it
 * as separate JVMs ({@link MulticastReceiver}, launched through {@code ip netns exec}), and Debian's ffmpeg inside it
 * sending H.264 in MPEG-TS to 239.255.12.34 with TTL 0 from 127.0.0.1. Nothing leaves the namespace's loopback.
 *
 * <p>Needs root and {@code ip} (iproute2); skips without them, fails under {@code CI=true} (CI runs as root).
 */
class MulticastNamespaceTest {
    private static final String GROUP = "239.255.12.34";
    private static final int PORT = 5004;
    private static final Pattern SUMMARY = Pattern.compile("RECEIVER packets=(\\d+) syncOk=(true|false) bytesRead=(\\d+)");
    private static String namespace;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void namespace() throws Exception {
        if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
            skip("multicast needs a private network namespace, and making one needs root (running as "
                    + ProcessHandle.current().info().user().orElse("an unknown user") + ")");
        }
        String ip = Tools.onPath("ip").map(Path::toString).orElse(null);
        if (ip == null) {
            skip("ip is not on PATH; install Debian's package: apt-get install iproute2");
        }
        String name = "hw-mcast-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        String added = run(List.of(ip, "netns", "add", name));
        if (added != null) {
            skip("cannot make a network namespace: " + added);
        }
        namespace = name; // from here on @AfterAll deletes it, whatever fails below
        String up = run(List.of(ip, "-n", name, "link", "set", "lo", "up", "multicast", "on"));
        assertThat(up).as("setting up lo in namespace %s", name).isNull();
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        if (namespace != null) {
            String deleted = run(List.of("ip", "netns", "delete", namespace));
            assertThat(deleted).as("deleting namespace %s", namespace).isNull();
        }
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Skips, or fails under CI=true where the environment must allow the test. */
    private static void skip(String why) {
        if (Tools.underCi()) {
            Assertions.fail("CI=true but the multicast test cannot run: " + why);
        }
        Assumptions.abort("skipped: " + why + " (under CI=true this fails instead)");
    }

    /** Runs a short command; null when it succeeded, else its exit code and output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out: " + command;
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + " of " + command + ": " + out;
    }

    /** A receiver JVM inside the namespace, its output lines collected as they come. */
    private final class Receiver {
        final String uri;
        final Path file;
        final Process process;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final CountDownLatch listening = new CountDownLatch(1);
        final Thread pump;

        Receiver(String uri, String fileName) throws IOException {
            this.uri = uri;
            this.file = dir.resolve(fileName);
            String java = ProcessHandle.current().info().command().orElseThrow();
            process = new ProcessBuilder("ip", "netns", "exec", namespace, java, "-cp",
                    System.getProperty("java.class.path"), MulticastReceiver.class.getName(), uri, file.toString())
                    .redirectError(dir.resolve(fileName + ".stderr").toFile())
                    .start();
            processes.add(process);
            pump = Thread.ofVirtual().start(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                        if (line.startsWith("RECEIVER ")) {
                            listening.countDown(); // joined, or failed: either way nothing more to wait for
                        }
                    }
                } catch (IOException e) {
                    lines.add("RECEIVER output lost: " + e);
                }
                listening.countDown();
            });
        }

        void awaitListening() throws Exception {
            assertThat(listening.await(30, TimeUnit.SECONDS)).as("receiver of %s started", uri).isTrue();
            assertThat(lines).as("receiver of %s (stderr in %s)", uri, file + ".stderr").contains("RECEIVER joined");
        }

        /** Ends its stdin (it stops reading), waits for it, and returns packets, syncOk and bytesRead. */
        Matcher stop() throws Exception {
            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("receiver of %s stopped", uri).isTrue();
            pump.join();
            assertThat(process.exitValue()).as("receiver of %s exit, output %s", uri, lines).isZero();
            Matcher m = lines.stream().map(SUMMARY::matcher).filter(Matcher::matches).findFirst().orElse(null);
            assertThat(m).as("summary line of the receiver of %s in %s", uri, lines).isNotNull();
            return m;
        }
    }

    /** Debian's ffmpeg in the namespace: a 3 s H.264 test pattern as MPEG-TS to the group, TTL 0, from 127.0.0.1. */
    private void send() throws Exception {
        String ffmpeg = Tools.requireFfmpeg().toString();
        Process p = new ProcessBuilder("ip", "netns", "exec", namespace, ffmpeg, "-hide_banner", "-nostdin",
                "-v", "error", "-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-t", "3",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-f", "mpegts",
                "udp://" + GROUP + ":" + PORT + "?pkt_size=1316&localaddr=127.0.0.1&ttl=0")
                .redirectErrorStream(true)
                .start();
        processes.add(p);
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("ffmpeg sender ended").isTrue();
        assertThat(p.exitValue()).as("ffmpeg sender exit, output: %s", out).isZero();
    }

    private static void assertValidTs(Receiver r, Matcher summary) throws IOException {
        long packets = Long.parseLong(summary.group(1));
        assertThat(packets).as("TS packets received by %s", r.uri).isPositive();
        assertThat(summary.group(2)).as("every packet starts with a sync byte").isEqualTo("true");
        assertThat(Long.parseLong(summary.group(3))).as("bytesRead").isEqualTo(packets * TsPacket.SIZE);
        assertThat(Files.size(r.file)).isEqualTo(packets * TsPacket.SIZE);
        ProbedMedia media = Ffprobe.streams(r.file);
        assertThat(media.streams()).extracting(ProbedStream::codecName, ProbedStream::width, ProbedStream::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("h264", 320, 180));
        assertThat(Ffprobe.decodeErrors(r.file)).as("decoding what %s received", r.uri).isEmpty();
    }

    @Test
    void joinsOnLoopbackInANamespaceWithAnyAndSpecificSources() throws Exception {
        String base = "udp://" + GROUP + ":" + PORT + "?interface=lo";
        Map<String, Receiver> receivers = Map.of(
                "any", new Receiver(base, "any.ts"),
                "ssm", new Receiver(base + "&source=127.0.0.1", "ssm.ts"),
                "other", new Receiver(base + "&source=127.0.0.2", "other.ts"),
                "group", new Receiver("udp://@239.255.12.35:" + PORT + "?interface=lo", "group.ts"));
        for (Receiver r : receivers.values()) {
            r.awaitListening();
        }
        send();
        Matcher any = receivers.get("any").stop();
        Matcher ssm = receivers.get("ssm").stop();
        Matcher other = receivers.get("other").stop();
        Matcher group = receivers.get("group").stop();

        assertValidTs(receivers.get("any"), any);
        assertValidTs(receivers.get("ssm"), ssm);
        assertThat(ssm.group(1)).as("the source-specific join gets what the any-source join gets").isEqualTo(any.group(1));
        assertThat(other.group(1)).as("a join for source 127.0.0.2 filters out 127.0.0.1's packets").isEqualTo("0");
        assertThat(group.group(1)).as("another group on the same port gets nothing").isEqualTo("0");
    }
}
