package io.bourse.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bourse} subcommand running in its own JVM, started with this JVM's flags and class path, its output
 * appended to a log file. {@link #stop} asks it to shut down (SIGTERM, so its shutdown hooks run) and only kills it
 * if it does not exit in time. The child exits by itself if this JVM dies ({@link BourseCommand#EXIT_WITH_PARENT}).
 */
final class ChildProcess
{
    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(final String name, final Process process, final Path log)
    {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code bourse <args>} with {@code environment} added to this process's environment. */
    static ChildProcess start(final String name, final List<String> args, final Map<String, String> environment,
        final Path log) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
            "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BourseCommand.class.getName());
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        final ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put(BourseCommand.EXIT_WITH_PARENT, "1");
        return new ChildProcess(name, builder.start(), log);
    }

    String name()
    {
        return name;
    }

    long pid()
    {
        return process.pid();
    }

    Path log()
    {
        return log;
    }

    boolean isAlive()
    {
        return process.isAlive();
    }

    /** The exit code; only valid once {@link #isAlive()} is false. */
    int exitValue()
    {
        return process.exitValue();
    }

    /** Waits for it to exit by itself; returns its exit code, or -1 if it is still running after the timeout. */
    int waitFor(final long timeoutMs) throws InterruptedException
    {
        return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /**
     * Sends SIGTERM and waits up to {@code graceMs} for a clean exit, then kills it.
     *
     * @return its exit code, or -1 if it had to be killed.
     */
    int stop(final long graceMs)
    {
        if (!process.isAlive())
        {
            return process.exitValue();
        }
        process.destroy();
        try
        {
            if (process.waitFor(graceMs, TimeUnit.MILLISECONDS))
            {
                return process.exitValue();
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        return -1;
    }
}
