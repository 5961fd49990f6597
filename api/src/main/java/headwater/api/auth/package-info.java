/**
 * Who a request comes from, once authenticated: a web session (cookie), an API token (Bearer) or a subscriber's
 * portal session. Handlers put a {@link headwater.api.auth.Principal} in the routing context under {@link
 * headwater.api.auth.Principal#KEY}; authorization reads it on every route and every object.
 */
package headwater.api.auth;
