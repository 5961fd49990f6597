package headwater.api;

import headwater.domain.apitoken.ApiScope;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Registers the resources' routes on the Router, each behind the {@link Authorization} check of its {@link Access},
 * and remembers each path's methods (for {@code Allow} on 405) and each route's Access (the role × route table).
 */
final class Routes {

    private final Router router;
    private final Authorization authorization;
    private final Map<String, Set<String>> methods = new LinkedHashMap<>();
    private final Map<String, Access> table = new LinkedHashMap<>();

    Routes(Router router, Authorization authorization) {
        this.router = router;
        this.authorization = authorization;
    }

    /** A public route: no Principal needed (the OpenAPI document). */
    void open(HttpMethod method, String path, Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
        methods.computeIfAbsent(path, p -> new TreeSet<>()).add(method.name());
    }

    void add(HttpMethod method, String path, Access access, Handler<RoutingContext> handler) {
        router.route(method, path).handler(ctx -> authorization.check(ctx, access)).handler(handler);
        methods.computeIfAbsent(path, p -> new TreeSet<>()).add(method.name());
        table.put(method.name() + " " + path, access);
    }

    /** Routes of one area: reads need {@code read}, everything else {@code write}. */
    Area area(ApiScope read, ApiScope write) {
        return new Area(this, read, write);
    }

    /** The methods of the route template that {@code path} matches, e.g. "DELETE, GET, PUT", or "" for none. */
    String allowed(String path) {
        for (Map.Entry<String, Set<String>> route : methods.entrySet()) {
            if (path.matches(route.getKey().replaceAll(":[A-Za-z]+", "[^/]+"))) {
                return route.getValue().stream().collect(Collectors.joining(", "));
            }
        }
        return "";
    }

    /** Every authenticated route ("GET /api/v1/channels") with its Access, in registration order. */
    Map<String, Access> table() {
        return Map.copyOf(table);
    }

    /** The routes of one area of the API, whose scope follows from the method. */
    record Area(Routes routes, ApiScope read, ApiScope write) {

        private static final List<HttpMethod> READS = List.of(HttpMethod.GET, HttpMethod.HEAD);

        void add(HttpMethod method, String path, Handler<RoutingContext> handler) {
            routes.add(method, path, Access.to(READS.contains(method) ? read : write), handler);
        }
    }
}
