package headwater.app.cli;

import headwater.app.HeadwaterServer;
import headwater.headend.ChannelSpec;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** What a newcomer needs once the server runs: the URLs to open, with what, where the data lives, how to stop. */
final class Banner {

    private Banner() {
    }

    /** The media URLs of a session opened for the banner (the demo's). */
    record PlayUrls(URI hls, URI ts) {
    }

    static void print(PrintWriter out, HeadwaterServer server, String headline) {
        print(out, server, headline, Map.of());
    }

    /**
     * @param sessions per channel id, the URLs of a session opened for it; channels without one are listed with how
     *                 to open a session
     */
    static void print(PrintWriter out, HeadwaterServer server, String headline, Map<String, PlayUrls> sessions) {
        out.println();
        out.println(headline);
        out.println();
        List<ChannelSpec> channels = server.runningChannels();
        for (ChannelSpec channel : channels) {
            out.printf("  %s (%s)%n", channel.name(), channel.id());
            PlayUrls urls = sessions.get(channel.id());
            if (urls != null) {
                out.printf("    HLS      %s%n", urls.hls());
                out.printf("    MPEG-TS  %s%n", urls.ts());
            }
        }
        if (!channels.isEmpty() && sessions.isEmpty()) {
            out.println();
            out.println("  Every media URL carries a playback session's token. Open one for a subscriber and a channel:");
            out.printf("    ./headwater session open --subscriber <username> --channel %s --format hls%n",
                    channels.getFirst().id());
            out.printf("  or POST %ssessions with an API token (docs/05-playback-tokens.md).%n", server.adminApiUrl());
        }
        if (channels.isEmpty()) {
            out.println("  No channels yet. Add one to the catalogue while the server runs (it starts within seconds):");
            out.println("    ./headwater channel add news-hd --number 101 --name \"News HD\" --source udp://239.1.1.1:5000");
            out.println("  or list them under channels: in the configuration file (see headwater.example.yml).");
        }
        out.println();
        out.printf("  Metrics    %s%n", server.metricsUrl());
        out.printf("  Admin API  %s (OpenAPI: %sopenapi.json)%n", server.adminApiUrl(), server.adminApiUrl());
        out.println();
        if (!sessions.isEmpty()) {
            out.println("Open a URL in VLC (Media > Open Network Stream) or ffplay, both play HLS and MPEG-TS:");
            out.printf("  ffplay %s%n", sessions.values().iterator().next().hls());
            out.println("Safari plays the HLS URL directly; Chromium plays it in a <video src=\"...\"> element.");
            out.println("Each URL is one device's session: a second player on the same URL shares it; end it with");
            out.println("`./headwater session end <id>` and its next request gets 403.");
        }
        out.printf("The catalogue is %s; `./headwater channel list` shows it.%n", server.database().description());
        out.printf("Data lives in %s (segments under channels/<id>/live/).%n", server.dataDir().toAbsolutePath());
        server.tls().filter(tls -> tls.identity().leaf().getIssuerX500Principal()
                .equals(tls.identity().leaf().getSubjectX500Principal())).ifPresent(tls -> {
            out.printf("HTTPS uses a self-signed certificate, %s: browsers and players warn until it is trusted%n",
                    tls.certificateFile());
            out.printf("(curl --cacert %s ...), or set tls.certificate and tls.privateKey to your own.%n",
                    tls.certificateFile());
        });
        server.plainMediaUrl().ifPresent(plain -> out.printf(
                "Plain HTTP for set-top boxes, media only: %s (the same paths as above, http and this port).%n", plain));
        out.println("Press Ctrl-C to stop.");
        out.println();
        out.flush();
    }
}
