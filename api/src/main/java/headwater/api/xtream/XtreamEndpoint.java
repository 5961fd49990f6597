package headwater.api.xtream;

import io.vertx.ext.web.Router;

/**
 * One part of the Xtream surface (the player API, the playlist export, the guide export, the media entry), adding
 * its routes to the {@link XtreamApi}'s router. Handlers run on the event loop and move blocking work (the store,
 * Argon2) to a worker.
 */
@FunctionalInterface
public interface XtreamEndpoint {

    void register(Router router);
}
