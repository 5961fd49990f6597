/**
 * Outbound fetches of imports (XMLTV guides, M3U playlists, later logos) that cannot be turned against the operator's
 * own network (SSRF).
 *
 * <p>{@link headwater.security.outbound.OutboundPolicy} decides: http and https only; the host is resolved once and
 * every address it resolves to is classified ({@link headwater.security.outbound.AddressClass}: loopback,
 * link-local with the cloud metadata address, private, CGNAT, unspecified, multicast, broadcast, reserved, and the
 * IPv4-mapped, NAT64 and 6to4 forms of those); anything but a public address is refused unless the operator allowed
 * it ({@code allowPrivate}, or a {@link headwater.security.outbound.Cidr} of the allow-list).
 * {@link headwater.security.outbound.OutboundFetcher} connects to the very address that was checked (so DNS
 * rebinding has no window), keeps the host name for the Host header, TLS SNI and the certificate check, follows
 * redirects by hand and checks each, and enforces {@link headwater.security.outbound.FetchLimits} (bytes received
 * and decoded, total time, idle time). Errors name the URL with its secrets masked
 * ({@link headwater.security.outbound.SafeUri}).
 *
 * <pre>{@code
 * var fetcher = new OutboundFetcher(OutboundPolicy.publicOnly());            // or .allowing("10.20.0.0/16")
 * try (Download d = fetcher.open("https://epg.example/guide.xml.gz")) {
 *     reader.read(d.body());                                                  // already gunzipped and limited
 * }
 * }</pre>
 */
package headwater.security.outbound;
