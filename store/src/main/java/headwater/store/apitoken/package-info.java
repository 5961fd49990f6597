/** {@link headwater.domain.apitoken.ApiTokenRepository} on the store's database (table {@code api_token}, V13). */
package headwater.store.apitoken;
