/**
 * The Xtream Codes–compatible surface that IPTV apps speak (TiviMate, IPTV Smarters, Kodi, VLC, MAG and Enigma2
 * boxes): {@code player_api.php}, {@code panel_api.php}, {@code get.php}, {@code xmltv.php} and the media URLs
 * ({@code /live/u/p/1.ts}, {@code /movie/…}, {@code /series/…}, {@code /timeshift/…}), on the delivery port. Field
 * names, string-versus-number types and quirks follow {@code shared/research/anchors.md} §2. Media URLs open (or
 * reuse) a playback session and redirect into it, so limits, admission and tokens apply exactly as for every client.
 */
package headwater.api.xtream;
