package headwater.api;

import java.util.List;

/**
 * Which page of a listing: {@code page} counts from 1, {@code size} items per page (default {@value #DEFAULT_SIZE},
 * at most {@value #MAX_SIZE}). The listing's body carries {@code total}, as does the {@code X-Total-Count} header.
 */
record Paging(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 1000;
    static final String TOTAL_HEADER = "X-Total-Count";

    static Paging from(QueryParameters query) {
        int size = query.integer("size", DEFAULT_SIZE, 1, MAX_SIZE);
        int page = query.integer("page", 1, 1, Integer.MAX_VALUE);
        if ((long) (page - 1) * size > Integer.MAX_VALUE) {
            query.error("page", "is " + page + ": with size " + size + " it starts past the largest offset "
                    + Integer.MAX_VALUE);
            return new Paging(1, size);
        }
        return new Paging(page, size);
    }

    /** The paging of a listing that takes no other query parameter than {@code page} and {@code size}. */
    static Paging only(io.vertx.ext.web.RoutingContext ctx) {
        QueryParameters query = new QueryParameters(ctx.queryParams(), java.util.Set.of("page", "size"));
        Paging paging = from(query);
        query.check();
        return paging;
    }

    int offset() {
        return (page - 1) * size;
    }

    /** This page of a list held in memory. */
    <T> List<T> of(List<T> all) {
        int from = Math.min(offset(), all.size());
        return all.subList(from, Math.min(all.size(), from + size));
    }

    <T> Listing<T> listing(List<T> items, long total) {
        return new Listing<>(items, page, size, total);
    }
}
