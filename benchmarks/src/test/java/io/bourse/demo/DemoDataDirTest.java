package io.bourse.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The demo empties only a data directory of its own, and never one another demo is using. */
class DemoDataDirTest
{
    @TempDir
    Path dir;

    @Test
    void refusesADataDirectoryAnotherDemoHoldsAndTouchesNothingInIt() throws Exception
    {
        final Path journalFile = Files.createDirectories(dir.resolve("journal")).resolve("20261202.cq4");
        Files.writeString(journalFile, "in use");
        try (FileChannel channel = FileChannel.open(dir.resolve("demo.lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
            FileLock lock = channel.lock())
        {
            final Run run = demo("--data-dir", dir.toString());
            assertThat(run.exitCode).isEqualTo(1);
            assertThat(run.err).contains("another bourse demo is running");
        }
        assertThat(Files.readString(journalFile)).isEqualTo("in use");
    }

    @Test
    void refusesADataDirectoryWithFilesItDidNotWrite() throws Exception
    {
        final Path precious = Files.writeString(dir.resolve("notes.txt"), "keep me");
        final Run run = demo("--data-dir", dir.toString());
        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.err).contains("holds files the demo did not write (notes.txt)");
        assertThat(Files.readString(precious)).isEqualTo("keep me");
    }

    @Test
    void badOptionsAreRefusedWithExitTwoBeforeAnythingStarts()
    {
        assertThat(demo("--duration", "0", "--data-dir", dir.toString()).err).contains("--duration must be at least 1");
        assertThat(demo("--database", "Bad-Name", "--data-dir", dir.toString()).exitCode).isEqualTo(2);
        assertThat(demo("--no-such-option").exitCode).isEqualTo(2);
        assertThat(dir).isEmptyDirectory();
    }

    private record Run(int exitCode, String err)
    {
    }

    private static Run demo(final String... args)
    {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            final CommandLine command = new CommandLine(new DemoCommand());
            command.setErr(new java.io.PrintWriter(System.err, true));
            return new Run(command.execute(args), err.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setErr(originalErr);
        }
    }
}
