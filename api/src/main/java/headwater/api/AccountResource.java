package headwater.api;

import headwater.api.identity.AccountSetup;
import headwater.domain.apitoken.ApiScope;
import headwater.domain.catalog.NotFoundException;
import headwater.domain.catalog.UnknownReferenceException;
import headwater.domain.identity.Account;
import headwater.domain.identity.AccountRepository;
import headwater.domain.identity.AccountStatus;
import headwater.domain.identity.LastAdminException;
import headwater.domain.identity.Role;
import headwater.domain.identity.SessionOwner;
import headwater.domain.identity.WebSessionRepository;
import headwater.domain.subscriber.PasswordHash;
import headwater.domain.subscriber.ResellerRepository;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * {@code /api/v1/accounts}: the operators' and resellers' accounts, for admins only. {@code GET} lists them (never a
 * hash, seed or recovery code); {@code POST} makes one (its password checked by the operators' policy; it enrols TOTP
 * at its first login); {@code PUT …/{id}/role}, {@code …/status} and {@code …/password} change another account's
 * role, enable or disable it, or reset its password. All changes are sensitive (step-up); each ends the account's web
 * sessions, so that nobody keeps a session with powers or a password it no longer has. The last active admin can be
 * neither demoted nor disabled.
 */
final class AccountResource {

    static final String PATH = AdminApi.BASE + "/accounts";
    private static final String ACCOUNT = PATH + "/:id";

    private final Accounts accounts;
    private final ResellerRepository resellers;

    /** The accounts this API administers, or none (every call answers 404). */
    record Accounts(AccountRepository repository, WebSessionRepository sessions, AccountSetup setup, Clock clock) {
    }

    /**
     * @param accounts  the accounts, or null when this API administers none
     * @param resellers that a RESELLER account's reseller must be one of
     */
    AccountResource(Accounts accounts, ResellerRepository resellers) {
        this.accounts = accounts;
        this.resellers = resellers;
    }

    void mount(Routes routes) {
        routes.add(HttpMethod.GET, PATH, Access.to(ApiScope.ADMIN), this::list);
        routes.add(HttpMethod.POST, PATH, Access.sensitive(ApiScope.ADMIN), this::create);
        routes.add(HttpMethod.PUT, ACCOUNT + "/role", Access.sensitive(ApiScope.ADMIN), this::changeRole);
        routes.add(HttpMethod.PUT, ACCOUNT + "/status", Access.sensitive(ApiScope.ADMIN), this::changeStatus);
        routes.add(HttpMethod.PUT, ACCOUNT + "/password", Access.sensitive(ApiScope.ADMIN), this::resetPassword);
    }

    private void list(RoutingContext ctx) {
        Blocking.run(ctx, () -> available().repository().list().stream()
                .sorted(Comparator.comparing(Account::username)).map(AccountView::of).toList(), views ->
                Replies.listing(ctx, new Listing<>(views, 1, views.size(), views.size())));
    }

    private void create(RoutingContext ctx) {
        AccountBody body = Json.body(ctx, AccountBody.class, "account").checked();
        Blocking.run(ctx, () -> {
            Accounts all = available();
            checkReseller(body.resellerId());
            PasswordHash hash = hash(all, body.username(), body.password());
            Account account = all.repository().create(Account.create(UUID.randomUUID().toString(), body.username(),
                    body.role(), body.resellerId(), hash, all.clock().instant()));
            return AccountView.of(account);
        }, view -> Replies.created(ctx, PATH + "/" + view.id(), "\"" + view.id() + "\"", view));
    }

    private void changeRole(RoutingContext ctx) {
        AccountRoleBody body = Json.body(ctx, AccountRoleBody.class, "account role").checked();
        change(ctx, (all, account) -> {
            checkReseller(body.resellerId());
            all.repository().changeRole(account.id(), body.role(), body.resellerId());
        });
    }

    private void changeStatus(RoutingContext ctx) {
        AccountStatusBody body = Json.body(ctx, AccountStatusBody.class, "account status").checked();
        change(ctx, (all, account) -> {
            all.repository().changeStatus(account.id(), body.status());
        });
    }

    private void resetPassword(RoutingContext ctx) {
        AccountPasswordBody body = Json.body(ctx, AccountPasswordBody.class, "account password").checked();
        change(ctx, (all, account) -> all.repository().changePassword(account.id(),
                hash(all, account.username(), body.password()), all.clock().instant()));
    }

    /** One change of the account in the path, on the worker pool; answers the account as it is afterwards. */
    private void change(RoutingContext ctx, BiConsumer<Accounts, Account> change) {
        String id = ctx.pathParam("id");
        Blocking.run(ctx, () -> {
            Accounts all = available();
            try {
                change.accept(all, find(all, id)); // the repository keeps the last active admin (LastAdmin)
            } catch (LastAdminException e) {
                throw new ApiException(ProblemType.LAST_ADMIN, e.getMessage());
            }
            return changed(all, id);
        }, view -> Replies.json(ctx, 200, view));
    }

    /** The account as it is now, after its sessions were ended. */
    private static AccountView changed(Accounts all, String id) {
        all.sessions().deleteAllOf(SessionOwner.account(id), null);
        return AccountView.of(find(all, id));
    }

    private static PasswordHash hash(Accounts all, String username, String password) {
        try {
            return all.setup().hashFor(username, password);
        } catch (IllegalArgumentException e) {
            throw ApiException.field(ProblemType.VALIDATION_FAILED, "password", e.getMessage());
        }
    }

    private void checkReseller(String resellerId) {
        if (resellerId != null && resellers.find(resellerId).isEmpty()) {
            throw new UnknownReferenceException("account", "resellerId", "reseller", List.of(resellerId));
        }
    }

    private static Account find(Accounts all, String id) {
        return all.repository().find(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    private Accounts available() {
        if (accounts == null) {
            throw new NotFoundException("accounts", "of this API");
        }
        return accounts;
    }
}
