package headwater.api;

import headwater.api.auth.Principal;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.audit.AuditLog;
import headwater.domain.audit.AuditQuery;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.identity.Role;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/audit}: the audit log, newest first, filtered by {@code actor}, {@code action} (exact, or
 * {@code login.*} for a family) and time ({@code from} inclusive, {@code until} exclusive, ISO-8601), paged by
 * {@code page} and {@code size}. Read-only: the log is append-only. Admins only: any other authenticated role gets
 * 403 here even where it may read other resources.
 */
final class AuditResource {

    static final String PATH = AdminApi.BASE + "/audit";
    private static final Set<String> PARAMETERS = Set.of("page", "size", "actor", "action", "from", "until");

    private final AuditLog log;

    /** @param log the audit log, or null when this API has none (the route answers 404) */
    AuditResource(AuditLog log) {
        this.log = log;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, Access.to(ApiScope.ADMIN), this::list);
    }

    private void list(RoutingContext ctx) {
        Principal principal = ctx.get(Principal.KEY);
        if (principal != null && principal.role() != Role.ADMIN) {
            // The log shows every operator's and reseller's actions: admins only, whatever else a role may read.
            ctx.fail(new ApiException(ProblemType.FORBIDDEN, "only an admin may read the audit log"));
            return;
        }
        QueryParameters parameters = new QueryParameters(ctx.queryParams(), PARAMETERS);
        Paging paging = Paging.from(parameters);
        Optional<Instant> from = instant(parameters, "from");
        Optional<Instant> until = instant(parameters, "until");
        parameters.check();
        AuditQuery query = new AuditQuery(Optional.ofNullable(parameters.text("actor")),
                Optional.ofNullable(parameters.text("action")), from, until, paging.offset(), paging.size());
        Blocking.run(ctx, () -> {
            if (log == null) {
                throw new NotFoundException("resource", PATH);
            }
            return paging.listing(log.find(query).stream().map(AuditEntryView::of).toList(), log.count(query));
        }, listing -> Replies.listing(ctx, listing));
    }

    private static Optional<Instant> instant(QueryParameters parameters, String name) {
        String text = parameters.text(name);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            parameters.error(name, "is not an ISO-8601 instant such as 2026-11-21T20:00:00Z");
            return Optional.empty();
        }
    }
}
