package io.bourse.demo;

import io.bourse.benchmarks.loadgen.LoadGenCommand;
import io.bourse.engine.server.ReplayCommand;
import io.bourse.engine.server.ServerCommand;
import io.bourse.persistence.ReconcileCommand;
import io.bourse.persistence.SidecarCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bourse} command line: dispatches to its subcommands ({@code demo}, {@code server}, {@code sidecar},
 * {@code replay}, {@code reconcile}, {@code loadgen}, {@code engine-demo}).
 */
@Command(name = "bourse", mixinStandardHelpOptions = true, version = "bourse 0.1.0",
    description = "Bourse exchange core.",
    subcommands = {DemoCommand.class, ServerCommand.class, SidecarCommand.class, ReplayCommand.class,
        ReconcileCommand.class, LoadGenCommand.class, EngineDemo.class})
public final class BourseCommand implements Runnable
{
    /**
     * Environment variable: when set, this process exits (running its shutdown hooks, so a server still takes its
     * final snapshot) as soon as its parent process ends. {@code bourse demo} sets it on the processes it starts so
     * that none is left behind, however the demo ends.
     */
    static final String EXIT_WITH_PARENT = "BOURSE_EXIT_WITH_PARENT";

    @Override
    public void run()
    {
        CommandLine.usage(this, System.out);
    }

    public static void main(final String[] args)
    {
        if (System.getenv(EXIT_WITH_PARENT) != null)
        {
            exitWithParent();
        }
        System.exit(new CommandLine(new BourseCommand()).execute(args));
    }

    private static void exitWithParent()
    {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() ->
        {
            System.err.println("bourse: parent process " + parent.pid() + " ended; shutting down");
            System.exit(143);
        }));
    }
}
