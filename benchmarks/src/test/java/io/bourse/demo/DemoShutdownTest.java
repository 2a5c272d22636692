package io.bourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.server.ReplayCommand;
import picocli.CommandLine;

/**
 * {@code bourse demo} in a real child JVM, stopped with SIGTERM (what Ctrl-C does to it) while the market trades: it
 * must exit promptly (143: 128 + SIGTERM), leave none of the processes it started running and no half-written file behind, and its
 * journal must replay and verify from the server's shutdown snapshot.
 */
class DemoShutdownTest
{
    private static final long TRADING_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(4);
    private static final String DATABASE = "bourse_demo_shutdown_test";

    @TempDir
    Path dir;

    @Test
    void stopsEveryProcessCleanlyWhenInterruptedWhileTrading() throws Exception
    {
        final Path data = dir.resolve("demo");
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(arg -> !arg.startsWith("-agentlib:jdwp")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BourseCommand.class.getName(), "demo",
            "--duration", "600", "--rate", "500", "--plain", "--data-dir", data.toString(),
            "--database", DATABASE));
        final Process demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        final StringBuffer output = new StringBuffer();
        final CompletableFuture<Void> trading = new CompletableFuture<>();
        final Thread reader = new Thread(() -> read(demo, output, trading), "demo-output");
        reader.start();
        try
        {
            trading.get(TRADING_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final List<ProcessHandle> started = demo.toHandle().descendants().toList();
            assertThat(started).as("server and sidecar run as their own processes:%n%s", output).hasSizeGreaterThanOrEqualTo(2);

            demo.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we still read
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("demo exits after SIGTERM:%n%s", output).isTrue();
            reader.join(5_000);
            assertThat(demo.exitValue()).as("128 + SIGTERM, after the shutdown hook ran:%n%s", output).isEqualTo(143);
            assertThat(output.toString()).contains("every process it started has exited");
            for (final ProcessHandle process : started)
            {
                process.onExit().get(10, TimeUnit.SECONDS);
                assertThat(process.isAlive()).as("process %d left running", process.pid()).isFalse();
            }
        }
        finally
        {
            demo.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly();
        }

        try (Stream<Path> files = Files.walk(data))
        {
            assertThat(files.map(Path::toString).filter(name -> name.endsWith(".tmp")).toList())
                .as("no half-written files").isEmpty();
        }
        try (Stream<Path> snapshots = Files.list(data.resolve("snapshots")))
        {
            assertThat(snapshots.toList()).as("the server took its shutdown snapshot").isNotEmpty();
        }
        assertThat(Files.readString(data.resolve("logs/server.log"))).contains("shutdown snapshot at sequence");
        final int replay = new CommandLine(new ReplayCommand()).execute("--journal", data.resolve("journal").toString(),
            "--snapshots", data.resolve("snapshots").toString(), "--verify");
        assertThat(replay).as("the journal replays and verifies").isZero();
    }

    @AfterAll
    static void dropDatabase()
    {
        try (Connection connection = DriverManager.getConnection(DemoPostgres.LOCAL_SERVER);
            Statement statement = connection.createStatement())
        {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
        catch (final SQLException ex)
        {
            // No local server: the demo used an embedded one, gone with it.
        }
    }

    /** Copies the demo's output and completes {@code trading} once it reports its first progress line. */
    private static void read(final Process demo, final StringBuffer output, final CompletableFuture<Void> trading)
    {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                output.append(line).append('\n');
                if (line.startsWith("[") && line.contains(" s] orders "))
                {
                    trading.complete(null);
                }
            }
            trading.completeExceptionally(new IllegalStateException("the demo ended before trading:\n" + output));
        }
        catch (final IOException ex)
        {
            trading.completeExceptionally(ex);
        }
    }
}
