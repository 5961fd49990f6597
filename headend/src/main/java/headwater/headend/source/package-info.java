/**
 * Live inputs of a channel: each is a URI, made into a {@link headwater.headend.source.Source} by
 * {@link headwater.headend.source.SourceFactory} and pulled by the channel's thread.
 *
 * <table>
 *   <caption>Source URIs</caption>
 *   <tr><th>URI</th><th>What it reads</th></tr>
 *   <tr><td>{@code udp://@:1234}, {@code udp://127.0.0.1:1234}</td><td>UDP on a port (any or one local address);
 *       plain TS or RTP (version 2, payload type 33), 7 × 188-byte datagrams typically</td></tr>
 *   <tr><td>{@code udp://239.1.1.1:1234?interface=eth1&source=10.0.0.5}</td><td>a multicast group joined on an
 *       interface (name or address), optionally source-specific; {@code rtp://} is a synonym of {@code udp://}</td></tr>
 *   <tr><td>{@code http://host/live.ts}, {@code https://…}</td><td>MPEG-TS over one long GET; user info becomes
 *       Basic authorization for that origin only</td></tr>
 *   <tr><td>{@code hls+http://host/index.m3u8}, {@code hls+https://…}</td><td>a remote live HLS stream: highest
 *       BANDWIDTH variant, TS segments only (no fMP4, no encryption)</td></tr>
 *   <tr><td>{@code http(s)://…#user-agent=VLC%2F3.0&referer=https%3A%2F%2Fx%2F}, {@code hls+…#…}</td><td>the
 *       request headers of every request, from the fragment (never sent): see
 *       {@link headwater.headend.source.RequestHeaders}</td></tr>
 *   <tr><td>{@code file:///abs/loop.ts?speed=1&loop=true}, {@code file:rel/loop.ts}</td><td>a TS file looped
 *       seamlessly at real time (× speed), paced by its PCR, or its PTS when it has none</td></tr>
 *   <tr><td>{@code ffmpeg:<input>#f=<format>&re&loop}</td><td>anything ffmpeg reads, remuxed ({@code -c copy}) to
 *       TS on its stdout; {@code <input>} is percent-decoded and passed as one argument; an http(s) input also
 *       takes {@code user-agent=…&referer=…}</td></tr>
 * </table>
 *
 * <p>Options are checked: an unknown one fails at start, like a missing port or an unknown scheme, with an
 * {@link headwater.headend.source.InvalidSourceException} that names the source (secrets masked by
 * {@link headwater.headend.source.MaskedUri}) and the channel.
 */
package headwater.headend.source;
