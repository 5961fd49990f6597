/**
 * VOD in the running server: {@link headwater.app.vod.FfprobeMediaProbe} reads a film's or episode's media with
 * ffprobe, found by {@link headwater.app.vod.FfprobeLocator} the way ffmpeg is found (configuration, PATH, the bundled
 * build), and {@link headwater.app.vod.FfprobeJson} turns ffprobe's JSON into a {@link headwater.domain.vod.MediaInfo}.
 */
package headwater.app.vod;
