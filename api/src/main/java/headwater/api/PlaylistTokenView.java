package headwater.api;

import headwater.domain.xtream.PlaylistToken;

/**
 * A playlist token as the API lists it: never the secret nor its digest. Times are ISO-8601 UTC.
 *
 * @param active   false once revoked
 * @param lastUsed when it last let a player in (to the minute), or null
 * @param revoked  when it was revoked, or null
 */
record PlaylistTokenView(String id, String subscriberId, String deviceId, String label, boolean active,
                         String created, String lastUsed, String revoked) {

    static PlaylistTokenView of(PlaylistToken token) {
        return new PlaylistTokenView(token.id(), token.subscriberId(), token.deviceId(), token.label(), token.active(),
                token.created().toString(), token.lastUsed() == null ? null : token.lastUsed().toString(),
                token.revoked() == null ? null : token.revoked().toString());
    }
}
