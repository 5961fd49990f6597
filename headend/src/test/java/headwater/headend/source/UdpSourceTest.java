package headwater.headend.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class UdpSourceTest {
    private static final SourceContext NEWS = SourceContext.defaults("news");

    /** Seven TS packets with recognisable bytes: packet i of datagram d is filled with d * 7 + i. */
    private static byte[] datagram(int d) {
        byte[] b = new byte[7 * TsPacket.SIZE];
        for (int i = 0; i < 7; i++) {
            int off = i * TsPacket.SIZE;
            Arrays.fill(b, off, off + TsPacket.SIZE, (byte) (d * 7 + i));
            b[off] = TsPacket.SYNC_BYTE;
            b[off + 1] = 0x01; // PID 0x100
            b[off + 2] = 0x00;
            b[off + 3] = (byte) (0x10 | (d * 7 + i) & 0x0F);
        }
        return b;
    }

    private static byte[] rtp(byte[] payload, int sequence, boolean withCsrcAndExtension) {
        int header = withCsrcAndExtension ? 12 + 4 + 8 : 12;
        byte[] b = new byte[header + payload.length];
        b[0] = (byte) (withCsrcAndExtension ? 0x80 | 0x10 | 0x01 : 0x80);
        b[1] = 33;
        b[2] = (byte) (sequence >> 8);
        b[3] = (byte) sequence;
        if (withCsrcAndExtension) {
            b[12 + 4 + 2] = 0;
            b[12 + 4 + 3] = 1; // one 32-bit word of extension
        }
        System.arraycopy(payload, 0, b, header, payload.length);
        return b;
    }

    private static UdpSource openOnLoopback(SourceContext context) throws IOException {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        UdpSource source = (UdpSource) SourceFactory.create("udp://127.0.0.1:" + port, context);
        source.open();
        return source;
    }

    private static void send(DatagramSocket socket, UdpSource source, byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), source.localPort())));
    }

    private static byte[] readExactly(Source source, int length) throws IOException {
        byte[] out = new byte[length];
        int n = 0;
        while (n < length) {
            int r = source.read(out, n, length - n);
            assertThat(r).as("read after %d of %d bytes", n, length).isPositive();
            n += r;
        }
        return out;
    }

    @Test
    void deliversUnicastDatagramsAsWholePackets() throws Exception {
        try (UdpSource source = openOnLoopback(NEWS); DatagramSocket socket = new DatagramSocket()) {
            send(socket, source, datagram(0));
            send(socket, source, datagram(1));
            byte[] got = readExactly(source, 2 * 7 * TsPacket.SIZE);
            assertThat(Arrays.copyOfRange(got, 0, 7 * TsPacket.SIZE)).isEqualTo(datagram(0));
            assertThat(Arrays.copyOfRange(got, 7 * TsPacket.SIZE, got.length)).isEqualTo(datagram(1));
            assertThat(source.bytesRead()).isEqualTo(2 * 7 * TsPacket.SIZE);
        }
    }

    @Test
    void stripsRtpHeadersIncludingCsrcAndExtension() throws Exception {
        try (UdpSource source = openOnLoopback(NEWS); DatagramSocket socket = new DatagramSocket()) {
            send(socket, source, rtp(datagram(2), 1, false));
            send(socket, source, rtp(datagram(3), 2, true));
            assertThat(readExactly(source, 7 * TsPacket.SIZE)).isEqualTo(datagram(2));
            assertThat(readExactly(source, 7 * TsPacket.SIZE)).isEqualTo(datagram(3));
            assertThat(source.datagramsDropped()).isZero();
        }
    }

    @Test
    void dropsAndCountsDatagramsThatAreNotTs() throws Exception {
        try (UdpSource source = openOnLoopback(NEWS); DatagramSocket socket = new DatagramSocket()) {
            send(socket, source, "GET / HTTP/1.1\r\n\r\n".getBytes());
            byte[] noise = new byte[1316];
            Arrays.fill(noise, (byte) 0x55);
            send(socket, source, noise);
            byte[] truncated = Arrays.copyOf(datagram(4), 100); // shorter than one packet
            send(socket, source, truncated);
            byte[] ragged = Arrays.copyOf(datagram(5), 7 * TsPacket.SIZE + 50); // a trailing partial packet
            send(socket, source, ragged);
            assertThat(readExactly(source, 7 * TsPacket.SIZE)).isEqualTo(datagram(5));
            assertThat(source.datagramsDropped()).isEqualTo(3);
            assertThat(source.datagramsReceived()).isEqualTo(4);
        }
    }

    @Test
    void closeFromAnotherThreadUnblocksARead() throws Exception {
        UdpSource source = openOnLoopback(NEWS);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return source.read(new byte[1316], 0, 1316);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(100); // let the read block (the result is the same if it has not started yet)
        source.close();
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
        source.close(); // idempotent
    }

    @Test
    void aSilentSourceTimesOutWithAPreciseMessage() throws Exception {
        try (UdpSource source = openOnLoopback(NEWS.withReadTimeout(Duration.ofMillis(200)))) {
            assertThatThrownBy(() -> source.read(new byte[1316], 0, 1316))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageMatching("source 'udp://127\\.0\\.0\\.1:\\d+' of channel news received nothing for 200 ms");
        }
    }

    @Test
    void joinsAMulticastGroupOnTheLoopbackInterface() throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        Assumptions.assumeTrue(lo != null && lo.supportsMulticast(),
                "the loopback interface has no MULTICAST flag in this sandbox (ip link set lo multicast on)");
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        try (Source source = SourceFactory.create("udp://@239.255.42.42:" + port + "?interface=" + lo.getName(), NEWS);
                MulticastSocket sender = new MulticastSocket()) {
            source.open();
            sender.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
            sender.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            sender.setTimeToLive(0);
            byte[] data = datagram(6);
            sender.send(new DatagramPacket(data, data.length, InetAddress.getByName("239.255.42.42"), port));
            assertThat(readExactly(source, data.length)).isEqualTo(data);
        }
    }

    @Test
    void aMissingInterfaceFailsOpenWithItsName() {
        Source source = SourceFactory.create("udp://239.255.42.43:5004?interface=nosuch0", NEWS);
        assertThatThrownBy(source::open)
                .isInstanceOf(IOException.class)
                .hasMessage("source 'udp://239.255.42.43:5004?interface=nosuch0' of channel news cannot listen: "
                        + "interface 'nosuch0' does not exist");
    }
}
