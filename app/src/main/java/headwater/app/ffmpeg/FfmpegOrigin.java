package headwater.app.ffmpeg;

/** Where the ffmpeg in use was found, in the order they are tried. */
public enum FfmpegOrigin {
    /** {@code ffmpeg.path} in the configuration. */
    CONFIG,
    /** The first {@code ffmpeg} on the PATH. */
    PATH,
    /** The executable inside the {@code org.bytedeco:ffmpeg} jar that the build bundles. */
    BUNDLED
}
