package headwater.app.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code headwater}: the top-level command; without a subcommand it shows the usage and exits with code 2. */
@Command(
        name = "headwater",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Headwater: a live IPTV headend and delivery server in one Java process.",
            "Channels come in over udp, http, hls, file or ffmpeg, are repackaged without re-encoding,"
                    + " and go out as HLS and MPEG-TS over HTTP.",
            "The catalogue (channels, packages, films, subscribers) lives in a database: SQLite in the data directory by default,"
                    + " PostgreSQL when database.url says so. The store commands work while the server runs.",
            ""
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Start with `headwater demo`: three test channels, no configuration needed.",
            "",
            "Configuration: headwater.yml, then HEADWATER_* environment variables",
            "(server.port -> HEADWATER_SERVER_PORT), then options. Every key is",
            "documented in headwater.example.yml.",
            "",
            "Exit codes: 0 done, 1 failure (message on stderr), 2 bad usage."
        })
public final class HeadwaterCommand implements Callable<Integer> {

    static final int USAGE = CommandLine.ExitCode.USAGE;

    @Spec
    CommandSpec spec;

    /** The command line with its subcommands, reading the configuration from {@code env} and input from stdin. */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, System.in);
    }

    /** The command line with its subcommands, reading the configuration from {@code env} and input from {@code in}. */
    public static CommandLine commandLine(Map<String, String> env, java.io.InputStream in) {
        CommandLine line = new CommandLine(new HeadwaterCommand())
                .addSubcommand(new ServeCommand(env))
                .addSubcommand(new DemoCommand(env))
                .addSubcommand(new ChannelCommand(env))
                .addSubcommand(new PackageCommand(env))
                .addSubcommand(new VodCommand(env))
                .addSubcommand(new SubscriberCommand(env, in))
                .addSubcommand(new M3uCommand(env))
                .addSubcommand(new EpgCommand(env))
                .addSubcommand(new SessionCommand(env))
                .addSubcommand(new CommandLine(new AdminCommand())
                        .addSubcommand(new AdminCreateCommand(env, in))
                        .addSubcommand(new ApiTokenCommand(env))
                        .addSubcommand(new AdminAccountCommand(env, in)))
                .addSubcommand(new TokenKeyCommand(env))
                .addSubcommand(new BillingCommand(env))
                .addSubcommand(new KeysCommand(env))
                .addSubcommand(new AuditCommand(env))
                .addSubcommand(new BackupCommand(env))
                .addSubcommand(new RestoreCommand(env))
                .addSubcommand(new CommandLine.HelpCommand());
        line.setExecutionExceptionHandler(new FailureReport());
        return line;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("headwater: a command is missing (serve, demo, channel, package, vod, subscriber, m3u, epg, session, admin, token-key, billing, backup, restore or help)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }
}
