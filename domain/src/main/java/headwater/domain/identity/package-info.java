/**
 * Who may do what: operator and reseller accounts, their roles, and what each role may touch. Subscribers are
 * {@link headwater.domain.subscriber.Subscriber}s; they log in to their own portal with their own credentials.
 */
package headwater.domain.identity;
