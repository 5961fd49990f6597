/**
 * Who may do what: operator and reseller {@link headwater.domain.identity.Account}s, their roles, TOTP enrolments
 * and recovery codes, and the {@link headwater.domain.identity.WebSession}s of logged-in browsers. Subscribers are
 * {@link headwater.domain.subscriber.Subscriber}s; they log in to their own portal with their own credentials, and
 * their web sessions are kept here too.
 */
package headwater.domain.identity;
