package io.bourse.engine.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class in a child JVM with this JVM's classpath and the JVM flags Chronicle and Agrona need. */
public final class ChildJvm
{
    private ChildJvm()
    {
    }

    /** Starts {@code mainClass} with {@code args}; its stdout and stderr go to {@code log}. */
    public static Process start(final Class<?> mainClass, final Path log, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle."))
            {
                command.add(argument);
            }
        }
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    }

    /** Kills the process the way a crash would: SIGKILL, no shutdown hooks, no flushing. */
    public static void kill(final Process process) throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor();
    }
}
