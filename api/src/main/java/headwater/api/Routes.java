package headwater.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Registers the resources' routes on the Router and remembers each path's methods, for {@code Allow} on 405. */
final class Routes {

    private final Router router;
    private final Map<String, Set<String>> methods = new LinkedHashMap<>();

    Routes(Router router) {
        this.router = router;
    }

    void add(HttpMethod method, String path, Handler<RoutingContext> handler) {
        router.route(method, path).handler(handler);
        methods.computeIfAbsent(path, p -> new TreeSet<>()).add(method.name());
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
}
