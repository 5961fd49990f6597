package headwater.headend;

import headwater.headend.source.Source;
import headwater.headend.source.SourceContext;
import headwater.headend.source.SourceFactory;
import headwater.media.ts.TsPacket;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real sources (a TS file looped at real time by {@link SourceFactory}) behind a script a test controls per URI
 * {@code test:<name>}: down (open fails), killed (the open source ends), stalled (reads block until closed).
 */
final class ScriptedSources implements SourceProvider {
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final SourceContext context;

    ScriptedSources(SourceContext context) {
        this.context = context;
    }

    /** Source {@code test:<name>} plays {@code backing} (a file:// URI, typically with {@code ?speed=}). */
    Script define(String name, URI backing) {
        Script s = new Script(name, backing);
        scripts.put(name, s);
        return s;
    }

    static URI uri(String name) {
        return URI.create("test:" + name);
    }

    @Override
    public Source create(ChannelSpec channel, URI uri) {
        Script script = scripts.get(uri.getSchemeSpecificPart());
        if (script == null) {
            throw new IllegalArgumentException("no scripted source " + uri);
        }
        return new Scripted(script, uri, SourceFactory.create(script.backing, context.forChannel(channel.id())));
    }

    static final class Script {
        final String name;
        final URI backing;
        final AtomicInteger opens = new AtomicInteger();
        final List<Scripted> opened = new CopyOnWriteArrayList<>();
        volatile boolean down;
        volatile boolean stalled;
        /** Packets of this PID are dropped from what is read (-1: none), as when a source loses its video. */
        volatile int dropPid = -1;
        /** Continuity counters are scrambled, as on a lossy network. */
        volatile boolean scrambleContinuity;

        Script(String name, URI backing) {
            this.name = name;
            this.backing = backing;
        }

        /** Ends every open source of this script, as a dying input does; later opens work unless {@link #down}. */
        void kill() {
            for (Scripted s : opened) {
                s.killed = true;
            }
        }
    }

    static final class Scripted implements Source {
        private final Script script;
        private final URI uri;
        private final Source delegate;
        private final CountDownLatch closed = new CountDownLatch(1);
        volatile boolean killed;

        Scripted(Script script, URI uri, Source delegate) {
            this.script = script;
            this.uri = uri;
            this.delegate = delegate;
        }

        @Override
        public URI uri() {
            return uri;
        }

        @Override
        public void open() throws IOException {
            script.opens.incrementAndGet();
            if (script.down) {
                throw new IOException("source " + uri + " is down");
            }
            delegate.open();
            script.opened.add(this);
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (script.stalled) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
            if (killed || closed.getCount() == 0) {
                return -1;
            }
            int n = delegate.read(buf, off, len);
            return n <= 0 ? n : rewrite(buf, off, n);
        }

        /** Applies {@code dropPid} and {@code scrambleContinuity} to whole packets (file loops return whole ones). */
        private int rewrite(byte[] buf, int off, int n) throws IOException {
            int drop = script.dropPid;
            boolean scramble = script.scrambleContinuity;
            if ((drop < 0 && !scramble) || n % TsPacket.SIZE != 0) {
                return n;
            }
            int out = off;
            for (int p = off; p < off + n; p += TsPacket.SIZE) {
                if (buf[p] == TsPacket.SYNC_BYTE && TsPacket.pid(buf, p) == drop) {
                    continue;
                }
                if (out != p) {
                    System.arraycopy(buf, p, buf, out, TsPacket.SIZE);
                }
                if (scramble && buf[out] == TsPacket.SYNC_BYTE) {
                    TsPacket.setContinuityCounter(buf, out, TsPacket.continuityCounter(buf, out) + 1 + (p / TsPacket.SIZE) % 7);
                }
                out += TsPacket.SIZE;
            }
            if (out == off) {
                return read(buf, off, n); // everything was dropped: read on, as the source would
            }
            return out - off;
        }

        @Override
        public long bytesRead() {
            return delegate.bytesRead();
        }

        @Override
        public void close() {
            closed.countDown();
            script.opened.remove(this);
            delegate.close();
        }
    }
}
