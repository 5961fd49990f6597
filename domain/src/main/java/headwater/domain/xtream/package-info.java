/**
 * What the Xtream Codes–compatible surface needs from the domain beyond the catalogue: the stable integer numbers
 * that the protocol uses for every stream, film, series, episode and category (ours are string ids), and the
 * per-device playlist tokens that stand in for a password in a playlist URL.
 */
package headwater.domain.xtream;
