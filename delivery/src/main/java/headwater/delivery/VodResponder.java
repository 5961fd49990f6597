package headwater.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves films and episodes ({@link Route.Vod}): asks the {@link VodCatalog} on a worker thread (it may read the
 * store), then sends a {@link VodFile.Local} with byte ranges ({@link LocalFile}) or proxies a
 * {@link VodFile.Remote} ({@link RemoteFile}).
 */
final class VodResponder {

    private static final Logger LOG = LoggerFactory.getLogger(VodResponder.class);

    private final Vertx vertx;
    private final VodCatalog catalog;
    private final RemoteFile remote;

    VodResponder(Vertx vertx, VodCatalog catalog, RemoteFile remote) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.remote = remote;
    }

    void respond(HttpServerRequest request, Route.Vod route, Viewer viewer, Runnable logOnce) {
        vertx.executeBlocking(() -> catalog.file(route.scope()), false).onComplete(found ->
                Replies.guarded(request, () -> {
            if (request.response().closed() || request.response().ended()) {
                viewer.served(0);
                return;
            }
            if (found.failed()) {
                viewer.served(0);
                LOG.warn("VOD catalogue failed for {}: {}", route.scope(), found.cause().toString());
                Replies.text(request, 500, route.scope() + " cannot be looked up\n");
                return;
            }
            Optional<VodFile> file = found.result() == null ? Optional.empty() : found.result();
            if (file.isEmpty()) {
                viewer.served(0);
                Replies.text(request, 404, "no such item: " + route.scope() + "\n");
                return;
            }
            switch (file.get()) {
                case VodFile.Local local -> LocalFile.serve(vertx, request, route, local, viewer);
                case VodFile.Remote proxied -> remote.proxy(request, route, proxied, viewer, logOnce);
            }
        }));
    }
}
