package headwater.app.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the calling thread until the process is asked to stop (SIGINT from Ctrl-C, SIGTERM), then closes the server. */
final class UntilShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(UntilShutdown.class);

    private UntilShutdown() {
    }

    static void await(AutoCloseable server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: closing channels and connections");
            try {
                server.close();
                LOG.info("Stopped");
            } catch (Exception e) {
                LOG.warn("Stopping failed: {}", e.toString());
            } finally {
                stopped.countDown();
            }
        }, "headwater-shutdown"));
        stopped.await();
    }
}
