package headwater.app.cli;

import headwater.app.HeadwaterServer;
import headwater.app.config.ChannelConfig;
import java.io.PrintWriter;

/** What a newcomer needs once the server runs: the URLs to open, with what, where the data lives, how to stop. */
final class Banner {

    private Banner() {
    }

    static void print(PrintWriter out, HeadwaterServer server, String headline) {
        out.println();
        out.println(headline);
        out.println();
        for (ChannelConfig channel : server.channels()) {
            out.printf("  %s (%s)%n", channel.name(), channel.id());
            out.printf("    HLS      %s%n", server.multivariantUrl(channel.id()));
            out.printf("    MPEG-TS  %s%n", server.streamUrl(channel.id()));
        }
        out.println();
        out.printf("  Metrics    %s%n", server.metricsUrl());
        out.println();
        String first = server.channels().getFirst().id();
        out.println("Open a URL in VLC (Media > Open Network Stream) or ffplay, both play HLS and MPEG-TS:");
        out.printf("  ffplay %s%n", server.multivariantUrl(first));
        out.println("Safari plays the HLS URL directly; Chromium plays it in a <video src=\"...\"> element.");
        out.printf("Data lives in %s (segments under channels/<id>/live/).%n", server.dataDir().toAbsolutePath());
        out.println("Press Ctrl-C to stop.");
        out.println();
        out.flush();
    }
}
