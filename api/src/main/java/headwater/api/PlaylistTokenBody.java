package headwater.api;

/**
 * The body of {@code POST /api/v1/subscribers/{id}/playlist-tokens}; both fields are optional (so is the body).
 *
 * @param deviceId one of the subscriber's devices the token is for (revoked with it: deleting the device deletes it)
 * @param label    what the operator calls it, e.g. "living-room TiviMate"
 */
record PlaylistTokenBody(String deviceId, String label) {
}
