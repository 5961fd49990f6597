package headwater.app.wiring;

import headwater.domain.guide.GuideImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches the stored guides to the catalogue's channels again when the channels changed, so that a new channel (or
 * one whose EPG id changed) gets its now/next at once rather than at the next scheduled refresh of its guide.
 *
 * <p>{@link #run} only asks: the relink (it reads every channel and rewrites the links) runs on its own thread, so the
 * catalogue poll that asks is not held up, and never twice at once. Requests made while one runs are folded into one
 * more run after it, which sees every change made before it started.
 */
public final class GuideRelink implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GuideRelink.class);

    private final GuideImport guides;
    private final FoldedRuns runs = new FoldedRuns("guide-relink", this::relink);

    public GuideRelink(GuideImport guides) {
        this.guides = guides;
    }

    @Override
    public void run() {
        runs.run();
    }

    private void relink() {
        try {
            long links = guides.relink();
            LOG.debug("the channels changed: the guides were relinked ({} links)", links);
        } catch (RuntimeException e) {
            LOG.warn("the channels changed but the guides cannot be relinked (the next change or guide refresh tries"
                    + " again): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        runs.close();
    }
}
