package io.bourse.demo;

import io.bourse.benchmarks.loadgen.LoadGenCommand;
import io.bourse.engine.server.ReplayCommand;
import io.bourse.engine.server.ServerCommand;
import io.bourse.persistence.ReconcileCommand;
import io.bourse.persistence.SidecarCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bourse} command line: dispatches to its subcommands ({@code server}, {@code replay}, {@code demo},
 * {@code sidecar}, {@code reconcile}, {@code loadgen}).
 */
@Command(name = "bourse", mixinStandardHelpOptions = true, version = "bourse 0.1.0",
    description = "Bourse exchange core.", subcommands = {ServerCommand.class, ReplayCommand.class, EngineDemo.class,
        SidecarCommand.class, ReconcileCommand.class, LoadGenCommand.class})
public final class BourseCommand implements Runnable
{
    @Override
    public void run()
    {
        CommandLine.usage(this, System.out);
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new BourseCommand()).execute(args));
    }
}
