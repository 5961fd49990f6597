/**
 * The AES-128 content keys of encrypted channels as they are kept between runs: {@link
 * headwater.domain.streamkey.ChannelKey} and its {@link headwater.domain.streamkey.ChannelKeyRepository}. The key
 * bytes are stored sealed by a {@link headwater.domain.protect.FieldCipher} (column {@code stream_key.secret}).
 */
package headwater.domain.streamkey;
