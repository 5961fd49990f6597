package headwater.app.wiring;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a piece of work on its own thread when asked: {@link #run} only asks, so the asker (the catalogue poll) is
 * not held up, and the work never runs twice at once. Requests made while it runs are folded into one more run after
 * it, which sees every change made before it started.
 */
final class FoldedRuns implements Runnable, AutoCloseable {

    private final Runnable work;
    private final ExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();

    FoldedRuns(String threadName, Runnable work) {
        this.work = work;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
    }

    @Override
    public void run() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::runNow);
            } catch (RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void runNow() {
        pending.set(false);
        work.run();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
