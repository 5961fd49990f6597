package headwater.app.demo;

import java.util.List;

/**
 * One demo test loop: a moving test pattern with the channel name and a clock burnt in, and a tone.
 *
 * @param id           channel id and file name stem ({@code demo-720p} is rendered to {@code demo-720p.ts})
 * @param name         channel name, also burnt into the picture
 * @param width        picture width
 * @param height       picture height
 * @param videoKbps    H.264 bitrate
 * @param audio        audio codec
 * @param audioKbps    audio bitrate
 * @param toneHz       frequency of the tone, different per channel so you can tell them apart by ear
 */
public record DemoLoop(String id, String name, int width, int height, int videoKbps, DemoAudio audio, int audioKbps,
                       int toneHz) {

    /** Frames per second of every loop. */
    public static final int FPS = 25;
    /** A keyframe every two seconds, exactly: segments of 2, 4, 6 s cut cleanly. */
    public static final int GOP_FRAMES = 2 * FPS;

    /**
     * The three demo channels: 720p and SD in H.264 + AAC, and H.264 + AC-3 5.1 so the packager sees a second audio
     * codec. AC-3 rather than HEVC: both Debian's and the bundled ffmpeg encode it, so the demo is the same on every
     * machine, and it renders in a fraction of x265's time.
     */
    public static List<DemoLoop> standard() {
        return List.of(
                new DemoLoop("demo-720p", "Demo 720p", 1280, 720, 2_300, DemoAudio.AAC_STEREO, 128, 440),
                new DemoLoop("demo-sd", "Demo SD", 640, 360, 700, DemoAudio.AAC_STEREO, 96, 660),
                new DemoLoop("demo-ac3", "Demo AC-3 5.1", 960, 540, 1_200, DemoAudio.AC3_SURROUND, 384, 880));
    }

    public String fileName() {
        return id + ".ts";
    }
}
