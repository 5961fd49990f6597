/**
 * The business of an IPTV service: channels and categories, packages and plans, subscribers and their devices, VOD
 * and series, the programme guide (XMLTV) and playlists (M3U). Pure Java: it imports no other module of ours, and
 * declares as interfaces the repositories that {@code store} implements.
 */
package headwater.domain;
