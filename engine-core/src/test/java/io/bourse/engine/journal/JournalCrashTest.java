package io.bourse.engine.journal;

import static io.bourse.engine.journal.JournalAssertions.assertReads;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real child JVM dies mid-append; the survivors read and continue the journal. */
class JournalCrashTest
{
    private static final int COMPLETE = 50;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldKeepEveryCompletedEntryAndNeverReplayTheOneCutOffByACrash() throws Exception
    {
        final Process child = startChild();
        assertThat(child.waitFor(45, TimeUnit.SECONDS)).as("child exited").isTrue();
        assertThat(child.exitValue()).as("child halted as planned").isZero();

        final SplittableRandom random = new SplittableRandom(CrashingJournalWriter.SEED);
        final List<TestEntry> expected = new ArrayList<>();
        for (int sequence = 1; sequence <= COMPLETE; sequence++)
        {
            expected.add(TestEntry.random(random, sequence));
        }
        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertReads(reader, expected);
            assertThat(reader.poll()).isFalse();
            assertThat(reader.atUnfinishedDocument()).as("the cut-off append is visible as unfinished").isTrue();
            assertThat(reader.lastSequence()).isEqualTo(COMPLETE);
        }

        // The dead process's append lock is released; the next writer overwrites the unfinished document with
        // shorter ones, leaving stale bytes of it further on that must never be read as an entry.
        final SplittableRandom afterRestart = new SplittableRandom(99);
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.EVERY))
        {
            assertThat(writer.lastSequence()).isEqualTo(COMPLETE);
            for (int sequence = COMPLETE + 1; sequence <= COMPLETE + 3; sequence++)
            {
                final TestEntry entry = TestEntry.random(afterRestart, sequence);
                entry.appendTo(writer);
                expected.add(entry);
            }
        }
        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertReads(reader, expected);
            assertThat(reader.poll()).isFalse();
            assertThat(reader.atUnfinishedDocument()).isFalse();
            assertThat(reader.lastSequence()).isEqualTo(COMPLETE + 3);
        }
    }

    private Process startChild() throws Exception
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
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashingJournalWriter.class.getName());
        command.add(dir.toString());
        command.add(Integer.toString(COMPLETE));
        return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(new File(dir.toFile(), "child.log"))
            .start();
    }
}
