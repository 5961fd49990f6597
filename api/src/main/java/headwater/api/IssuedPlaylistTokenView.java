package headwater.api;

import headwater.api.xtream.PlaylistTokens;

/**
 * A playlist token just made: what {@link PlaylistTokenView} shows, and the token itself, shown this once. Players use
 * it in place of username and password: {@code /get.php?token=…&type=m3u_plus&output=m3u8},
 * {@code /xmltv.php?token=…}, {@code /live/{token}/{stream}.ts}.
 */
record IssuedPlaylistTokenView(String id, String subscriberId, String deviceId, String label, boolean active,
                               String created, String lastUsed, String revoked, String token) {

    static IssuedPlaylistTokenView of(PlaylistTokens.Issued issued) {
        PlaylistTokenView view = PlaylistTokenView.of(issued.token());
        return new IssuedPlaylistTokenView(view.id(), view.subscriberId(), view.deviceId(), view.label(),
                view.active(), view.created(), view.lastUsed(), view.revoked(), issued.secret());
    }

    @Override
    public String toString() {
        return "IssuedPlaylistTokenView[" + id + "]";
    }
}
