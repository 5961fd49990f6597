package headwater.app.cli;

import headwater.app.HeadwaterServer;
import headwater.headend.ChannelSpec;
import java.io.PrintWriter;
import java.util.List;

/** What a newcomer needs once the server runs: the URLs to open, with what, where the data lives, how to stop. */
final class Banner {

    private Banner() {
    }

    static void print(PrintWriter out, HeadwaterServer server, String headline) {
        out.println();
        out.println(headline);
        out.println();
        List<ChannelSpec> channels = server.runningChannels();
        for (ChannelSpec channel : channels) {
            out.printf("  %s (%s)%n", channel.name(), channel.id());
            out.printf("    HLS      %s%n", server.multivariantUrl(channel.id()));
            out.printf("    MPEG-TS  %s%n", server.streamUrl(channel.id()));
        }
        if (channels.isEmpty()) {
            out.println("  No channels yet. Add one to the catalogue while the server runs (it starts within seconds):");
            out.println("    ./headwater channel add news-hd --number 101 --name \"News HD\" --source udp://239.1.1.1:5000");
            out.println("  or list them under channels: in the configuration file (see headwater.example.yml).");
        }
        out.println();
        out.printf("  Metrics    %s%n", server.metricsUrl());
        out.printf("  Admin API  %s (OpenAPI: %sopenapi.json)%n", server.adminApiUrl(), server.adminApiUrl());
        server.firstAdminKey().ifPresent(key -> {
            out.println();
            out.println("  First start: the admin API key is shown this once and cannot be shown again; keep it now:");
            out.printf("    %s%n", key);
            out.printf("  Use it as: curl -H 'Authorization: Bearer <key>' %schannels%n", server.adminApiUrl());
        });
        out.println();
        if (!channels.isEmpty()) {
            out.println("Open a URL in VLC (Media > Open Network Stream) or ffplay, both play HLS and MPEG-TS:");
            out.printf("  ffplay %s%n", server.multivariantUrl(channels.getFirst().id()));
            out.println("Safari plays the HLS URL directly; Chromium plays it in a <video src=\"...\"> element.");
        }
        out.printf("The catalogue is %s; `./headwater channel list` shows it.%n", server.database().description());
        out.printf("Data lives in %s (segments under channels/<id>/live/).%n", server.dataDir().toAbsolutePath());
        out.println("Press Ctrl-C to stop.");
        out.println();
        out.flush();
    }
}
