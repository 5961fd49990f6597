package headwater.api;

import headwater.domain.catalog.NotFoundException;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Predicate;

/** Steps that every resource takes the same way. */
final class Crud {

    private Crud() {
    }

    /** Deletes the resource of the path's {@code id}: 204, or 404 when {@code delete} reports it did not exist. */
    static void delete(RoutingContext ctx, String entity, Predicate<String> delete) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> {
            if (!delete.test(id)) {
                throw new NotFoundException(entity, id);
            }
            return id;
        }, deleted -> Replies.noContent(ctx));
    }
}
