package headwater.api;

import headwater.domain.catalog.Page;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * How one resource's values appear over HTTP: the path of each, its JSON view and its entity tag (the version for
 * versioned values, a digest of the view otherwise). Runs the repository work on a worker thread ({@link Blocking})
 * and answers with the right status and headers.
 */
final class Representation<T> {

    private final String collection;
    private final Function<T, String> id;
    private final Function<T, ?> view;
    private final Function<T, String> etag;
    private final ToLongFunction<T> version;

    private Representation(String collection, Function<T, String> id, Function<T, ?> view, Function<T, String> etag,
                           ToLongFunction<T> version) {
        this.collection = collection;
        this.id = id;
        this.view = view;
        this.etag = etag;
        this.version = version;
    }

    /** Values with a version column: the ETag is {@code "<version>"}. */
    static <T> Representation<T> versioned(String collection, Function<T, String> id, ToLongFunction<T> version,
                                           Function<T, ?> view) {
        return new Representation<>(collection, id, view, value -> IfMatch.versionTag(version.applyAsLong(value)),
                version);
    }

    /** Values without one: the ETag is a digest of the JSON view. */
    static <T> Representation<T> content(String collection, Function<T, String> id, Function<T, ?> view) {
        return new Representation<>(collection, id, view, value -> IfMatch.contentTag(view.apply(value)), null);
    }

    String etag(T value) {
        return etag.apply(value);
    }

    /** Creates on a worker thread; 201 with Location, ETag and the view. */
    void create(RoutingContext ctx, Callable<T> create) {
        Blocking.run(ctx, create, created -> Replies.created(ctx, collection + "/" + id.apply(created), etag(created),
                view.apply(created)));
    }

    /** Reads the path's {@code id} on a worker thread; 200 with ETag and the view. */
    void read(RoutingContext ctx, Function<String, T> get) {
        String key = ctx.pathParam("id");
        Blocking.run(ctx, () -> get.apply(key), value -> ok(ctx, value));
    }

    /** Updates on a worker thread; 200 with the new ETag and the view. */
    void update(RoutingContext ctx, Callable<T> update) {
        Blocking.run(ctx, update, value -> ok(ctx, value));
    }

    /**
     * Updates a versioned value on a worker thread, based on {@code expected} ({@link IfMatch#expectedVersion}), or
     * for {@code If-Match: *} (null) on whatever version is stored.
     */
    void update(RoutingContext ctx, Long expected, Function<String, T> get, LongFunction<T> update) {
        String key = ctx.pathParam("id");
        update(ctx, () -> update.apply(expected != null ? expected : version.applyAsLong(get.apply(key))));
    }

    /** One page of a list read whole on a worker thread. */
    void list(RoutingContext ctx, Paging paging, Callable<List<T>> all) {
        Blocking.run(ctx, all, values -> Replies.listing(ctx, paging.listing(paging.of(values).stream()
                .map(view).map(Object.class::cast).toList(), values.size())));
    }

    /** A page the repository cut, read on a worker thread. */
    void page(RoutingContext ctx, Paging paging, Callable<Page<T>> page) {
        Blocking.run(ctx, page, values -> Replies.listing(ctx, paging.listing(values.items().stream()
                .map(view).map(Object.class::cast).toList(), values.total())));
    }

    private void ok(RoutingContext ctx, T value) {
        Replies.tagged(ctx, etag(value), view.apply(value));
    }
}
