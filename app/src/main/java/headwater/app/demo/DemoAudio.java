package headwater.app.demo;

/** Audio of a demo loop: codec and channel count, as ffmpeg arguments. */
public enum DemoAudio {
    AAC_STEREO("aac", 2),
    AC3_SURROUND("ac3", 6);

    private final String encoder;
    private final int channels;

    DemoAudio(String encoder, int channels) {
        this.encoder = encoder;
        this.channels = channels;
    }

    public String encoder() {
        return encoder;
    }

    public int channels() {
        return channels;
    }
}
