package headwater.testkit;

/**
 * One stream as ffprobe's {@code -show_streams} reports it. Fields ffprobe leaves out are {@code ""}, {@code 0} or
 * {@code NaN}.
 *
 * @param index ffprobe's stream index
 * @param codecType {@code video}, {@code audio}, {@code data}, {@code subtitle}
 * @param codecName e.g. {@code h264}, {@code hevc}, {@code aac}, {@code ac3}
 * @param profile e.g. {@code High}, {@code Constrained Baseline}, {@code LC}
 * @param rFrameRate the {@code r_frame_rate} fraction, e.g. {@code 25/1}
 * @param sampleRate audio sample rate in Hz
 * @param channels audio channel count
 * @param duration seconds
 */
public record ProbedStream(int index, String codecType, String codecName, String profile, int width, int height,
        String rFrameRate, int sampleRate, int channels, double duration) {

    public boolean isVideo() {
        return "video".equals(codecType);
    }

    public boolean isAudio() {
        return "audio".equals(codecType);
    }

    /** {@link #rFrameRate} as a number, or NaN when absent or {@code 0/0}. */
    public double frameRate() {
        int slash = rFrameRate.indexOf('/');
        try {
            if (slash < 0) {
                return rFrameRate.isEmpty() ? Double.NaN : Double.parseDouble(rFrameRate);
            }
            double num = Double.parseDouble(rFrameRate.substring(0, slash));
            double den = Double.parseDouble(rFrameRate.substring(slash + 1));
            return den == 0 ? Double.NaN : num / den;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
