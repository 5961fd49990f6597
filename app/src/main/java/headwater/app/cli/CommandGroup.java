package headwater.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code headwater channel}): called alone, it is a usage error (exit 2). */
abstract class CommandGroup implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("headwater " + spec.name() + ": a subcommand is missing ("
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()) + ")");
        spec.commandLine().usage(spec.commandLine().getErr());
        return HeadwaterCommand.USAGE;
    }
}
