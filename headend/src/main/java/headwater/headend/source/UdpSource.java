package headwater.headend.source;

import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MPEG-TS over UDP, unicast or multicast, plain or RTP-wrapped.
 *
 * <ul>
 *   <li>{@code udp://@:1234} or {@code udp://:1234}: listens on every address, port 1234;
 *   <li>{@code udp://127.0.0.1:1234}: listens on that local address;
 *   <li>{@code udp://239.1.1.1:1234?interface=eth1} (or {@code udp://@239.1.1.1:1234…}): joins the group on that
 *       interface (name, or an address of the interface); without {@code interface} the first up, multicast-capable,
 *       non-loopback interface is used;
 *   <li>{@code …&source=10.0.0.5}: source-specific multicast (SSM).
 * </ul>
 * {@code rtp://} is accepted as a synonym: RTP headers (version 2, payload type 33) are detected and stripped either
 * way. A datagram that carries no TS (no sync byte where a packet should start) is dropped and counted; a trailing
 * partial packet is dropped too.
 */
final class UdpSource extends MeteredSource {
    private static final Logger log = LoggerFactory.getLogger(UdpSource.class);
    private static final int MAX_DATAGRAM = 65_535;
    static final Set<String> OPTIONS = Set.of("interface", "source");

    private final InetAddress localAddress; // null: any
    private final int port;
    private final String interfaceName; // null: default multicast interface
    private final InetAddress ssmSource; // null: any source
    private final byte[] datagram = new byte[MAX_DATAGRAM];
    private final DatagramPacket packet = new DatagramPacket(datagram, datagram.length);
    private volatile DatagramChannel channel;
    private int pending; // offset of the next undelivered byte in datagram
    private int pendingEnd;
    private volatile long datagramsDropped;
    private volatile long datagramsReceived;

    private UdpSource(URI uri, SourceContext context, InetAddress localAddress, int port, String interfaceName,
            InetAddress ssmSource) {
        super(uri, context);
        this.localAddress = localAddress;
        this.port = port;
        this.interfaceName = interfaceName;
        this.ssmSource = ssmSource;
    }

    static UdpSource of(URI uri, SourceContext context) {
        String source = describe(uri, context);
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new InvalidSourceException(source + " has no address: expected udp://@:port, udp://host:port "
                    + "or udp://group:port?interface=name");
        }
        if (authority.startsWith("@")) {
            authority = authority.substring(1);
        }
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidSourceException(source + " has an unclosed IPv6 address");
            }
            host = authority.substring(1, close);
            portText = authority.length() > close + 1 && authority.charAt(close + 1) == ':'
                    ? authority.substring(close + 2) : "";
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? "" : authority.substring(colon + 1);
        }
        if (portText.isEmpty()) {
            throw new InvalidSourceException(source + " has no port");
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65_535) {
            throw new InvalidSourceException(source + " has port '" + portText + "': expected 1..65535");
        }
        SourceOptions options = SourceOptions.parse(uri.getRawQuery(), OPTIONS, source);
        InetAddress address = host.isEmpty() ? null : literalAddress(host, source, "address");
        String ssm = options.get("source");
        InetAddress ssmSource = ssm == null ? null : literalAddress(ssm, source, "option source");
        if (address != null && !address.isMulticastAddress() && (options.has("interface") || ssm != null)) {
            throw new InvalidSourceException(source + " has options interface/source but " + host
                    + " is not a multicast group");
        }
        return new UdpSource(uri, context, address, port, options.get("interface"), ssmSource);
    }

    /** Only IP literals: resolving a name would do I/O at config time and hide typos behind DNS. */
    private static InetAddress literalAddress(String text, String source, String what) {
        if (!text.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new InvalidSourceException(source + " has " + what + " '" + text + "': expected an IP address");
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new InvalidSourceException(source + " has " + what + " '" + text + "': expected an IP address");
        }
    }

    boolean multicast() {
        return localAddress != null && localAddress.isMulticastAddress();
    }

    @Override
    public void open() throws IOException {
        boolean v6 = localAddress instanceof Inet6Address;
        DatagramChannel ch = DatagramChannel.open(v6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        channel = ch;
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, context.udpReceiveBufferBytes());
            if (multicast()) {
                NetworkInterface nif = networkInterface();
                bindMulticast(ch);
                if (ssmSource == null) {
                    ch.join(localAddress, nif);
                } else {
                    ch.join(localAddress, nif, ssmSource);
                }
                log.info("{} joined {} on {}", describe(), localAddress.getHostAddress(), nif.getName());
            } else {
                ch.bind(new InetSocketAddress(localAddress, port));
            }
            ch.socket().setSoTimeout(Math.toIntExact(Math.max(1, context.readTimeout().toMillis())));
        } catch (IOException | RuntimeException e) {
            close();
            throw new IOException(describe() + " cannot listen: " + e.getMessage(), e);
        }
        if (isClosed()) {
            ch.close();
        }
    }

    /** Binds to the group address (Linux then filters other groups on the same port), or to any address. */
    private void bindMulticast(DatagramChannel ch) throws IOException {
        try {
            ch.bind(new InetSocketAddress(localAddress, port));
        } catch (SocketException e) {
            ch.bind(new InetSocketAddress(port));
        }
    }

    private NetworkInterface networkInterface() throws IOException {
        if (interfaceName != null) {
            NetworkInterface nif = NetworkInterface.getByName(interfaceName);
            if (nif == null && interfaceName.matches("[0-9.]+|.*:.*")) {
                nif = NetworkInterface.getByInetAddress(InetAddress.getByName(interfaceName));
            }
            if (nif == null) {
                throw new IOException("interface '" + interfaceName + "' does not exist");
            }
            if (!nif.supportsMulticast()) {
                throw new IOException("interface '" + interfaceName + "' does not support multicast");
            }
            return nif;
        }
        return NetworkInterface.networkInterfaces()
                .filter(n -> {
                    try {
                        return n.isUp() && n.supportsMulticast() && !n.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow(() -> new IOException("no multicast-capable interface is up; name one with ?interface="));
    }

    @Override
    protected int readSome(byte[] buf, int off, int len) throws IOException {
        while (pending >= pendingEnd) {
            receive();
        }
        int n = Math.min(len, pendingEnd - pending);
        if (n >= TsPacket.SIZE) {
            n -= n % TsPacket.SIZE;
        }
        System.arraycopy(datagram, pending, buf, off, n);
        pending += n;
        return n;
    }

    /** Receives one datagram and sets the pending range to its TS payload, or to nothing when it carries no TS. */
    private void receive() throws IOException {
        DatagramChannel ch = channel;
        if (ch == null) {
            throw new IllegalStateException(describe() + " is not open");
        }
        packet.setData(datagram, 0, datagram.length);
        try {
            ch.socket().receive(packet);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(describe() + " received nothing for " + context.readTimeout().toMillis()
                    + " ms");
        }
        datagramsReceived++;
        int len = packet.getLength();
        int start = RtpHeader.payloadOffset(datagram, 0, len);
        int end = start < 0 ? len : RtpHeader.payloadEnd(datagram, 0, len);
        start = Math.max(start, 0);
        int packets = (end - start) / TsPacket.SIZE;
        if (packets == 0 || datagram[start] != TsPacket.SYNC_BYTE) {
            datagramsDropped++;
            if (Long.bitCount(datagramsDropped) == 1) { // 1, 2, 4, 8…: visible, never a flood
                log.warn("{} dropped {} datagrams that carry no MPEG-TS (last: {} bytes)", describe(),
                        datagramsDropped, len);
            }
            pending = pendingEnd = 0;
            return;
        }
        pending = start;
        pendingEnd = start + packets * TsPacket.SIZE;
    }

    /** Datagrams that carried no MPEG-TS and were dropped. */
    long datagramsDropped() {
        return datagramsDropped;
    }

    long datagramsReceived() {
        return datagramsReceived;
    }

    /** The local port, useful when the URI asked for a port the caller then needs to send to. */
    int localPort() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    @Override
    protected void release() {
        DatagramChannel ch = channel;
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                log.debug("{} close failed", describe(), e);
            }
        }
    }
}
