package headwater.app.cli;

import picocli.CommandLine.Command;

/** {@code headwater admin ...}: the operators' own business: administrators, other accounts and API tokens. */
@Command(
        name = "admin",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersion.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Administer access to the server: administrators, accounts and API tokens.", ""},
        commandListHeading = "%nCommands:%n")
final class AdminCommand extends CommandGroup {
}
