package headwater.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A deterministic extended M3U playlist of any size, shaped like the real ones operators import: a header with
 * guide URLs; on every entry {@code tvg-id}, {@code tvg-name}, {@code tvg-logo}, {@code tvg-chno} and
 * {@code group-title}; one in five names non-ASCII; one in ten with catch-up attributes; one in twenty with
 * {@code #EXTVLCOPT} and a {@code |user-agent=} suffix; one in a hundred with a URL of about 2,500 characters (a
 * signed token). About 330 bytes per entry.
 */
public final class PlaylistGenerator {

    private static final String[] GROUPS = {"News", "Sport", "Movies", "Kids", "Music", "Documentary", "Entertainment",
        "Regional;News", "VOD Italy", "Radio"};
    private static final String[] NON_ASCII = {"Télé Première", "Первый канал", "CCTV-1 综合", "NHK 総合", "Ελληνική Τηλεόραση",
        "Türkiye Haber", "تلفزيون العربي", "Čeština 24 Ⓢ"};

    private PlaylistGenerator() {
    }

    public static byte[] generate(int entries) {
        var out = new ByteArrayOutputStream(entries * 340);
        try {
            write(entries, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** Writes the playlist to {@code file} unless a file of that name exists already. */
    public static Path generate(int entries, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
                write(entries, out);
            }
        }
        return file;
    }

    public static void write(int entries, OutputStream out) throws IOException {
        var random = new Random(50_000);
        var text = new StringBuilder(4096);
        text.append("#EXTM3U x-tvg-url=\"http://127.0.0.1:8080/xmltv.php?username=u&password=p, http://127.0.0.1:8080/epg2.xml.gz\"")
                .append(" tvg-shift=\"0\"\n");
        for (int i = 0; i < entries; i++) {
            String name = i % 5 == 0 ? NON_ASCII[i / 5 % NON_ASCII.length] + " " + i : "Channel " + i + " HD";
            String group = GROUPS[random.nextInt(GROUPS.length)];
            text.append("#EXTINF:-1 tvg-id=\"ch").append(i).append(".example\" tvg-name=\"").append(name)
                    .append("\" tvg-logo=\"http://127.0.0.1:8080/logos/").append(i).append(".png\" tvg-chno=\"")
                    .append(i + 1).append("\" group-title=\"").append(group).append('"');
            if (i % 10 == 3) {
                text.append(" catchup=\"xc\" catchup-days=\"7\" catchup-source=\"?utc={utc}&lutc={lutc}\"");
            }
            text.append(',').append(name).append('\n');
            if (i % 20 == 7) {
                text.append("#EXTVLCOPT:http-user-agent=Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0)\n");
            }
            text.append("http://127.0.0.1:8080/live/user/pass/").append(i).append(".ts");
            if (i % 100 == 42) {
                text.append("?token=");
                for (int t = 0; t < 2500; t++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
            }
            if (i % 20 == 11) {
                text.append("|user-agent=VLC%2F3.0.20%20LibVLC%2F3.0.20&referer=http://127.0.0.1/");
            }
            text.append('\n');
            if (text.length() > 64 * 1024) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
