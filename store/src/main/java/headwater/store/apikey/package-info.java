/** {@link headwater.domain.apikey.ApiKeyRepository} on the store's database (table {@code api_key}, migration V6). */
package headwater.store.apikey;
