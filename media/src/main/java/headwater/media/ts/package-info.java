/**
 * MPEG-2 transport streams (ISO/IEC 13818-1): {@link headwater.media.ts.TsDemuxer} turns bytes into program maps,
 * stream formats, access unit starts with their timestamps and keyframe flags, and the packets of one program.
 *
 * <p>The contract types ({@link headwater.media.ts.TsPacket}, {@link headwater.media.ts.ProgramMapTable},
 * {@link headwater.media.ts.DemuxListener} ...) are values and static readers; the demuxer keeps all its state in
 * arrays indexed by PID and allocates only when the program or a stream format changes. Corrupt input is counted in
 * {@link headwater.media.ts.DemuxStats}, never thrown.
 */
package headwater.media.ts;
