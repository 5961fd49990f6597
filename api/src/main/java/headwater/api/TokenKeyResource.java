package headwater.api;

import headwater.domain.apitoken.ApiScope;
import headwater.domain.session.SigningKey;
import headwater.domain.session.SigningKeys;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /api/v1/token-keys}: the keys playback tokens are signed with: list (ids, states and times; never a secret)
 * and {@code POST /rotate}, which makes the next key and retires the current one (see
 * {@link headwater.domain.session.KeyRotation} for when each signs and how long each is accepted).
 */
final class TokenKeyResource {

    static final String PATH = AdminApi.BASE + "/token-keys";

    private final SigningKeys keys;

    TokenKeyResource(SigningKeys keys) {
        this.keys = keys;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, Access.to(ApiScope.SESSIONS_READ), this::list);
        routes.add(HttpMethod.POST, PATH + "/rotate", Access.sensitive(ApiScope.ADMIN), this::rotate);
    }

    private void list(RoutingContext ctx) {
        Blocking.run(ctx, keys::list, stored -> {
            List<TokenKeyView> views = TokenKeyView.of(stored, keys.rotation(), keys.now());
            Replies.listing(ctx, new Listing<>(views, 1, views.size(), views.size()));
        });
    }

    private void rotate(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body != null && body.length() > 0) {
            Json.read(body.getBytes(), RotateBody.class, "rotation"); // only {} (or nothing) is accepted
        }
        Blocking.run(ctx, () -> {
            SigningKey made = keys.rotate();
            return TokenKeyView.of(keys.list(), keys.rotation(), keys.now()).stream()
                    .filter(view -> view.id().equals(made.id())).findFirst().orElseThrow();
        }, view -> Replies.created(ctx, PATH, "\"" + view.id() + "\"", view));
    }

    /** The body of a rotation: nothing to say yet. */
    record RotateBody() {
    }
}
