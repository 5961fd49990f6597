package headwater.app.cli;

import headwater.api.Argon2PasswordHasher;
import headwater.api.identity.AccountSetup;
import headwater.api.identity.TotpEnrolments;
import headwater.domain.identity.Account;
import headwater.store.Database;
import headwater.store.identity.JdbiAccountRepository;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code headwater admin create}: an administrator account with a strong password and TOTP, for a server that has
 * none (there are no default credentials) or for another operator. Interactive by default: the password is read twice
 * from the console, the otpauth URI and manual key are printed, and the first code from the app confirms the
 * enrolment. For scripts: {@code --password-stdin} (or {@code --generate-password}) with {@code --totp-uri-out FILE},
 * which writes the otpauth URI to a new file readable by its owner only and confirms without a code.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Create an administrator with a password and TOTP two-factor, and print its recovery codes"
                + " once.", "",
                "Interactive:   headwater admin create --username alice",
                "Scripted:      printf '%s\\n' \"$PASSWORD\" | headwater admin create --username alice"
                        + " --password-stdin --totp-uri-out alice.otpauth", ""})
final class AdminCreateCommand implements java.util.concurrent.Callable<Integer> {

    /** Attempts at typing the first TOTP code. */
    private static final int CODE_ATTEMPTS = 3;
    private static final String GENERATED_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Map<String, String> env;
    private final BufferedReader stdin;

    @Mixin
    StoreOptions options;

    @Option(names = "--username", required = true, paramLabel = "NAME",
            description = "The login: ASCII letters, digits, '.', '_', '-' and '@'.")
    String username;

    @ArgGroup(exclusive = true)
    PasswordSource password = new PasswordSource();

    @Option(names = "--totp-uri-out", paramLabel = "FILE", description = "Write the otpauth:// URI (the TOTP key) to"
            + " FILE, a new file readable by its owner only, and enrol without asking for a code: for scripts.")
    Path totpUriOut;

    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean fromStdin;

        @Option(names = "--generate-password", description = "Generate a strong password and print it, this once.")
        boolean generate;
    }

    AdminCreateCommand(Map<String, String> env, InputStream in) {
        this.env = env;
        this.stdin = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public Integer call() {
        PrintWriter out = options.out();
        String secret = password();
        try (Database database = options.open(env)) {
            JdbiAccountRepository accounts = new JdbiAccountRepository(database, options.cipher(database, env));
            Clock clock = Clock.systemUTC();
            Account admin = new AccountSetup(accounts, new Argon2PasswordHasher(), clock)
                    .createAdmin(username, secret, false).orElseThrow();
            TotpEnrolments enrolments = new TotpEnrolments(accounts, options.load(env).security().totpIssuer(), clock);
            TotpEnrolments.Started started = enrolments.start(admin);
            List<String> codes;
            if (totpUriOut != null) {
                writeOwnerOnly(totpUriOut, started.otpauthUri() + "\n");
                codes = enrolments.confirmWithoutCode(admin.id());
                out.printf("Administrator %s created. Its TOTP key is in %s: add it to an authenticator app.%n",
                        admin.username(), totpUriOut);
            } else {
                out.printf("Add this key to an authenticator app (scan the URI as a QR code, or type the key):%n");
                out.printf("  URI  %s%n  Key  %s%n", started.otpauthUri(), started.manualKey());
                out.flush();
                codes = confirm(enrolments, admin, out).orElse(null);
                if (codes == null) {
                    accounts.delete(admin.id());
                    throw new IllegalArgumentException("no valid TOTP code in " + CODE_ATTEMPTS + " attempts: the "
                            + "administrator " + username + " was not created");
                }
                out.printf("Administrator %s created with TOTP.%n", admin.username());
            }
            out.println("Recovery codes, each good for one login without the app (shown this once; keep them apart):");
            codes.forEach(code -> out.printf("  %s%n", code));
            out.flush();
        }
        return 0;
    }

    private Optional<List<String>> confirm(TotpEnrolments enrolments, Account admin, PrintWriter out) {
        for (int attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
            String code = readLine("Code from the app: ", false, out);
            if (code == null) {
                return Optional.empty();
            }
            Optional<List<String>> codes = enrolments.confirm(admin.id(), code.strip());
            if (codes.isPresent()) {
                return codes;
            }
            out.println("That code is not the current one; try the next.");
            out.flush();
        }
        return Optional.empty();
    }

    private String password() {
        if (password.generate) {
            String generated = generate();
            options.out().printf("Password (shown this once): %s%n", generated);
            return generated;
        }
        String first;
        if (password.fromStdin) {
            first = readLine(null, false, options.out());
            if (first == null) {
                throw new IllegalArgumentException("--password-stdin: standard input ended before a password line");
            }
        } else {
            first = readLine("Password: ", true, options.out());
            String again = readLine("Password again: ", true, options.out());
            if (first == null || !first.equals(again)) {
                throw new IllegalArgumentException("the two passwords differ (or none was typed): nothing was created");
            }
        }
        Optional<String> refusal = AccountSetup.refusal(username, first);
        if (refusal.isPresent()) {
            throw new IllegalArgumentException(refusal.get() + " (at least 12 characters, not a common password, not"
                    + " containing the user name; --generate-password makes one)");
        }
        return first;
    }

    /** A line from the console (hidden for passwords) when there is one, else from standard input. */
    private String readLine(String prompt, boolean secret, PrintWriter out) {
        Console console = System.console();
        if (console != null && prompt != null) {
            if (secret) {
                char[] typed = console.readPassword("%s", prompt);
                if (typed == null) {
                    return null;
                }
                String text = new String(typed);
                Arrays.fill(typed, '\0');
                return text;
            }
            return console.readLine("%s", prompt);
        }
        if (prompt != null) {
            out.print(prompt);
            out.flush();
        }
        try {
            return stdin.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    /** 24 characters of an unambiguous 56-letter alphabet: about 139 bits. */
    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 6 == 0) {
                out.append('-');
            }
            out.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
        }
        return out.toString();
    }

    private static void writeOwnerOnly(Path file, String text) {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalArgumentException("--totp-uri-out " + file + " exists already: it is never overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
