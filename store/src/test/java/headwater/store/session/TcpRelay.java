package headwater.store.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import headwater.domain.session.PlaybackSession;
import headwater.domain.session.PlaybackTarget;
import headwater.domain.session.SessionIds;
import headwater.domain.subscriber.OutputFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback TCP relay to a real server that the test can cut and restore, to see a registry lose Redis and get it
 * back. {@link #cut()} closes the listening socket and every relayed connection; {@link #restore()} listens again on
 * the same port.
 */
final class TcpRelay implements AutoCloseable {

    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private int port;

    private TcpRelay(InetSocketAddress target) {
        this.target = target;
    }

    static TcpRelay to(String host, int port) throws IOException {
        TcpRelay relay = new TcpRelay(new InetSocketAddress(host, port));
        // A port below the kernel's ephemeral range (32768+ here): while the relay is cut, the client keeps
        // reconnecting to it, and a connect to a free ephemeral port can self-connect (source port = destination
        // port, TCP simultaneous open), which then holds the port and makes restore() fail with "in use".
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                relay.listen(20_000 + ThreadLocalRandom.current().nextInt(12_000));
                return relay;
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw last;
    }

    /** A relay to the test Redis ({@link TestRedis#HOST}). */
    static TcpRelay toTestRedis() throws IOException {
        int colon = TestRedis.HOST.lastIndexOf(':');
        return to(TestRedis.HOST.substring(0, colon), Integer.parseInt(TestRedis.HOST.substring(colon + 1)));
    }

    /** {@code settings} (prefix, retention) reaching Redis through this relay, with a 5 s command timeout. */
    RedisSettings settingsLike(RedisSettings settings) {
        return new RedisSettings("redis://127.0.0.1:" + port + "/0", settings.prefix(), Duration.ofSeconds(5),
                settings.retention());
    }

    /** An HLS session of subscriber s1 on channel news, device tv, from {@code now} for an hour, admitted by node-a. */
    static PlaybackSession hourLongSession(Instant now) {
        return new PlaybackSession(SessionIds.next(), "s1", new PlaybackTarget.Live("news"), "news", OutputFormat.HLS,
                "tv", null, null, now, now.plus(Duration.ofHours(1)), 1, Duration.ofSeconds(12), "node-a");
    }

    int port() {
        return port;
    }

    void cut() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /**
     * Listens again on the same port. The old listening socket's close can still be in flight (a virtual thread
     * blocked in accept releases the descriptor only when it wakes), so a bind that finds the port taken is retried
     * for a while.
     */
    void restore() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                listen(port);
                return;
            } catch (java.net.BindException stillClosing) {
                if (System.nanoTime() > deadline) {
                    throw stillClosing;
                }
                Thread.sleep(20);
            }
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private void listen(int onPort) throws IOException {
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        port = listening.getLocalPort();
        server = listening;
        Thread.ofVirtual().start(() -> accept(listening));
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            } catch (IOException e) {
                return;   // closed by cut()
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed: close both below
        }
        try {
            from.close();
            to.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
