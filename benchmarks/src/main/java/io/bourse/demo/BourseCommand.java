package io.bourse.demo;

import io.bourse.benchmarks.loadgen.LoadGenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code bourse} command line: dispatches to its subcommands. Only {@code demo} exists so far; {@code server},
 * {@code replay}, {@code sidecar}, {@code reconcile} and {@code loadgen} arrive with their issues.
 */
@Command(name = "bourse", mixinStandardHelpOptions = true, version = "bourse 0.1.0",
    description = "Bourse exchange core.", subcommands = {EngineDemo.class, LoadGenCommand.class})
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
