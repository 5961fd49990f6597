package headwater.bench.viewers;

import java.net.URI;

/**
 * The command line of {@link ViewerSimulation}. An API token with sessions:open comes from the environment ({@code HW_ADMIN_KEY}), so
 * that it never shows in the process list.
 *
 * @param server         the server's base URL, e.g. {@code http://127.0.0.1:18090}; the admin API is under /api/v1/
 * @param sessionBody    the body of POST /api/v1/sessions with three {@code %s}: subscriber id, channel id, device
 * @param serverPid      the server's process id, for its CPU and memory, or 0 for none
 * @param eventLoops     the client's event loops (default: the processors this JVM may use)
 */
record ViewerOptions(URI server, String adminKey, String channel, int viewers, int perSubscriber, int seconds,
                     long serverPid, String sessionBody, int openConcurrency, int eventLoops, long timeoutMillis) {

    static final String USAGE = "usage: ViewerSimulation --server http://127.0.0.1:PORT --channel ID [--viewers 10000]"
            + " [--per-subscriber 100] [--seconds 600] [--server-pid PID] [--session-body TEMPLATE]"
            + " [--open-concurrency 16] [--event-loops N] [--timeout-ms 30000]; env HW_ADMIN_KEY";

    static ViewerOptions parse(String[] args, String adminKey) {
        URI server = null;
        String channel = null;
        int viewers = 10_000;
        int perSubscriber = 100;
        int seconds = 600;
        long pid = 0;
        String body = "{\"subscriberId\":\"%s\",\"channelId\":\"%s\",\"format\":\"hls\",\"deviceKey\":\"%s\"}";
        int concurrency = 16;
        int loops = Runtime.getRuntime().availableProcessors();
        long timeout = 30_000;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--server" -> server = URI.create(value.endsWith("/") ? value : value + "/");
                case "--channel" -> channel = value;
                case "--viewers" -> viewers = Integer.parseInt(value);
                case "--per-subscriber" -> perSubscriber = Integer.parseInt(value);
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--server-pid" -> pid = Long.parseLong(value);
                case "--session-body" -> body = value;
                case "--open-concurrency" -> concurrency = Integer.parseInt(value);
                case "--event-loops" -> loops = Integer.parseInt(value);
                case "--timeout-ms" -> timeout = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (server == null || channel == null || adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("--server, --channel and HW_ADMIN_KEY are required; " + USAGE);
        }
        if (viewers < 1 || perSubscriber < 1 || seconds < 1 || concurrency < 1 || loops < 1 || timeout < 1) {
            throw new IllegalArgumentException("counts and durations must be positive; " + USAGE);
        }
        return new ViewerOptions(server, adminKey, channel, viewers, perSubscriber, seconds, pid, body, concurrency,
                loops, timeout);
    }

    URI api() {
        return server.resolve("api/v1/");
    }

    int subscribers() {
        return (viewers + perSubscriber - 1) / perSubscriber;
    }

    @Override
    public String toString() {
        return "ViewerOptions[" + server + ", " + channel + ", " + viewers + " viewers, " + seconds + " s]";
    }
}
