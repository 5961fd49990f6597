package headwater.media.ts;

import headwater.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A quick throughput sanity check of the demuxer alone (the JMH benchmark of the whole packager lives in bench/).
 * Prints MB/s; asserts nothing about time. Run after {@code ./mvnw -pl media -am test-compile}:
 *
 * <pre>
 * java -cp media/target/classes:media/target/test-classes:testkit/target/classes \
 *     headwater.media.ts.TsDemuxerThroughput [file.ts] [seconds]
 * </pre>
 *
 * Without a file it uses the 720p fixture. Input is fed in 64 KiB chunks from memory to a listener that only reads
 * the PID of each packet, the way a segmenter's copy loop would touch it.
 */
public final class TsDemuxerThroughput {

    public static void main(String[] args) throws IOException {
        byte[] ts = args.length > 0 ? Files.readAllBytes(Path.of(args[0])) : Fixtures.bytes(Fixtures.H264_AAC_720P);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int chunk = 64 * 1024;
        long[] sink = new long[2];
        DemuxListener listener = new DemuxListener() {
            @Override
            public void onUnitStart(ElementaryStream stream, long pts, long dts, boolean keyframe) {
                sink[1] += keyframe ? 1 : 0;
            }

            @Override
            public void onPacket(byte[] buf, int off, int pid) {
                sink[0] += pid;
            }
        };
        System.out.printf("input %s: %.1f MB%n", args.length > 0 ? args[0] : Fixtures.H264_AAC_720P, ts.length / 1e6);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int round = 0;
        while (System.nanoTime() < end) {
            TsDemuxer demuxer = new TsDemuxer(listener, DemuxOptions.DEFAULTS);
            long bytes = 0;
            long t0 = System.nanoTime();
            while (bytes < 200_000_000L) {
                for (int off = 0; off < ts.length; off += chunk) {
                    demuxer.feed(ts, off, Math.min(chunk, ts.length - off));
                }
                bytes += ts.length;
                demuxer.reset(); // the file loops: a new source each time, as the headend's file:// source does
            }
            long t1 = System.nanoTime();
            System.out.printf("round %d: %.0f MB/s (%s)%n", ++round, bytes / 1e6 / ((t1 - t0) / 1e9), demuxer.stats());
        }
        System.out.println("checksum " + sink[0] + " keyframes " + sink[1]);
    }
}
