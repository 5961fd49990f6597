package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A process of its own that reads one {@code udp://} source, for {@link MulticastNamespaceTest}: the test starts it
 * inside a private network namespace ({@code ip netns exec}), where the loopback interface can carry multicast.
 *
 * <p>Usage: {@code MulticastReceiver <source-uri> <output.ts>}. It opens the source through {@link SourceFactory},
 * prints {@code RECEIVER joined} once it listens, appends every byte it reads to the output file, and stops when its
 * standard input ends (the test closes it) or after a minute at most. It then prints
 * {@code RECEIVER packets=<n> syncOk=<bool> bytesRead=<n>} (or {@code RECEIVER failed <message>}) and exits.
 */
public final class MulticastReceiver {
    private static final Duration LIMIT = Duration.ofMinutes(1);

    private MulticastReceiver() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.out.println("RECEIVER failed usage: MulticastReceiver <source-uri> <output.ts>");
            System.exit(2);
        }
        SourceContext context = SourceContext.defaults("multicast").withReadTimeout(Duration.ofSeconds(1));
        Source source = SourceFactory.create(args[0], context);
        try {
            source.open();
        } catch (IOException e) {
            System.out.println("RECEIVER failed " + e.getMessage());
            System.exit(1);
        }
        System.out.println("RECEIVER joined");
        System.out.flush();
        Thread.ofPlatform().daemon().start(() -> {
            try {
                System.in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // stdin broken: stop as on its end
            }
            source.close(); // unblocks the read below, which then returns -1
        });
        long packets = 0;
        boolean syncOk = true;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        byte[] buf = new byte[64 * TsPacket.SIZE];
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            while (System.nanoTime() - deadline < 0) {
                int n;
                try {
                    n = source.read(buf, 0, buf.length);
                } catch (SocketTimeoutException e) {
                    continue; // silence is normal before the sender starts and after it ends
                }
                if (n < 0) {
                    break;
                }
                if (n % TsPacket.SIZE != 0) {
                    syncOk = false; // a udp source delivers whole packets
                }
                for (int off = 0; off + TsPacket.SIZE <= n; off += TsPacket.SIZE) {
                    syncOk &= buf[off] == TsPacket.SYNC_BYTE;
                    packets++;
                }
                out.write(buf, 0, n);
            }
        } finally {
            source.close();
        }
        System.out.println("RECEIVER packets=" + packets + " syncOk=" + syncOk + " bytesRead=" + source.bytesRead());
        System.out.flush();
        System.exit(0);
    }
}
