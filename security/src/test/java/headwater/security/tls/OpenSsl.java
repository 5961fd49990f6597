package headwater.security.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real openssl command line to make the operator's kinds of keys and certificates. */
final class OpenSsl {

    private OpenSsl() {
    }

    static String run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    /** A self-signed certificate {@code name}.crt for the key {@code name}.key, made by openssl. */
    static void certificate(Path dir, String name, String subject) throws IOException, InterruptedException {
        run(dir, "req", "-x509", "-new", "-key", name + ".key", "-out", name + ".crt", "-days", "30", "-subj",
                "/CN=" + subject);
    }
}
