package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import headwater.media.ts.TsPacket;
import java.io.IOException;

/**
 * The parsers of outside bytes in this package: UDP datagrams (plain or RTP) and looped TS files. Any input must
 * neither throw (other than the documented IOException of an unplayable file) nor produce out-of-range offsets.
 * Without JAZZER_FUZZ=1 this runs the seed corpus in SourceInputFuzzTestInputs as a regression test;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl headend test -Dtest=SourceInputFuzzTest} fuzzes.
 */
class SourceInputFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void datagram(byte[] input) {
        int start = RtpHeader.payloadOffset(input, 0, input.length);
        if (start >= 0) {
            int end = RtpHeader.payloadEnd(input, 0, input.length);
            assertThat(start).isBetween(RtpHeader.MIN_SIZE, input.length - 1);
            assertThat(end).isBetween(start + 1, input.length);
            assertThat(input[start]).isEqualTo(TsPacket.SYNC_BYTE);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void loopFile(byte[] input) throws IOException {
        TsFileReader reader = new TsFileReader(FileBytes.of(input));
        LoopPlan plan;
        try {
            plan = LoopPlan.scan(reader, "source 'fuzz'");
        } catch (IOException e) {
            assertThat(e).hasMessageStartingWith("source 'fuzz' ");
            return;
        }
        assertThat(plan.duration90k()).isPositive();
        assertThat(plan.packets()).isBetween(1L, input.length / 188L);
        assertThat(reader.bytesSkipped()).isBetween(0L, (long) input.length);
        assertRunsReadAsNext(input);
        LoopRewriter rewriter = new LoopRewriter(plan);
        byte[] packet = new byte[TsPacket.SIZE];
        for (long k = 1; k <= 3; k++) {
            reader.rewind();
            while (reader.next(packet)) {
                int pid = TsPacket.pid(packet, 0);
                long pcr = TsPacket.pcr(packet, 0);
                rewriter.shift(packet, 0, k);
                assertThat(packet[0]).isEqualTo(TsPacket.SYNC_BYTE);
                assertThat(TsPacket.pid(packet, 0)).isEqualTo(pid);
                if (pcr >= 0) { // null packets are stuffing: left alone
                    long expected = pid == TsPacket.NULL_PID ? pcr
                            : Math.floorMod(pcr + k * plan.duration90k() * 300, TsTimestamps.PCR_MODULUS);
                    assertThat(TsPacket.pcr(packet, 0)).isEqualTo(expected);
                }
            }
        }
    }

    /** Runs peeked and consumed give exactly the packets that {@link TsFileReader#next} gives one by one. */
    private static void assertRunsReadAsNext(byte[] input) {
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        TsFileReader one = new TsFileReader(FileBytes.of(input));
        byte[] packet = new byte[TsPacket.SIZE];
        while (one.next(packet)) {
            expected.write(packet, 0, packet.length);
        }
        java.io.ByteArrayOutputStream actual = new java.io.ByteArrayOutputStream();
        TsFileReader runs = new TsFileReader(FileBytes.of(input));
        byte[] buf = new byte[5 * TsPacket.SIZE];
        int step = 0;
        while (true) {
            int max = 1 + step++ % 5;
            int run = runs.peekRun(buf, 0, max);
            assertThat(run).isBetween(0, max);
            if (run == 0) {
                if (!runs.next(packet)) {
                    break;
                }
                actual.write(packet, 0, packet.length);
                continue;
            }
            int take = 1 + step % run; // take part of the run: the rest must come again
            for (int i = 0; i < take; i++) {
                int q = i * TsPacket.SIZE;
                runs.consume(buf[q + 1], buf[q + 2], buf[q + 3]);
                actual.write(buf, q, TsPacket.SIZE);
            }
        }
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }
}
