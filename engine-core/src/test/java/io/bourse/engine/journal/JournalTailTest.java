package io.bourse.engine.journal;

import static io.bourse.engine.journal.JournalAssertions.assertEntry;
import static io.bourse.engine.journal.JournalAssertions.assertReads;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JournalTailTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSeeEntriesAppendedAfterEachPollInterleaved()
    {
        final SplittableRandom random = new SplittableRandom(11);
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE);
            JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertThat(reader.poll()).isFalse();
            final TestEntry first = TestEntry.random(random, 1);
            first.appendTo(writer);
            assertThat(reader.poll()).isTrue();
            assertEntry(reader.entry(), first);
            assertThat(reader.poll()).isFalse();

            final TestEntry second = TestEntry.random(random, 2);
            final TestEntry third = TestEntry.random(random, 3);
            second.appendTo(writer);
            third.appendTo(writer);
            assertReads(reader, List.of(second, third));
            assertThat(reader.poll()).isFalse();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSeeEntriesAppendedByAnotherThreadAfterItStarted() throws Exception
    {
        final int count = 20_000;
        final List<TestEntry> entries = new ArrayList<>();
        final SplittableRandom random = new SplittableRandom(13);
        for (int i = 1; i <= count; i++)
        {
            entries.add(TestEntry.random(random, i));
        }
        JournalWriter.open(dir, FsyncPolicy.NONE).close();

        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertThat(reader.poll()).isFalse();
            final CompletableFuture<Void> appending = CompletableFuture.runAsync(() ->
            {
                try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.BATCH))
                {
                    for (final TestEntry entry : entries)
                    {
                        entry.appendTo(writer);
                        if (entry.engineSequence() % 100 == 0)
                        {
                            writer.endOfBatch();
                            Thread.yield();
                        }
                    }
                }
            });

            int read = 0;
            while (read < count)
            {
                if (reader.poll())
                {
                    assertEntry(reader.entry(), entries.get(read));
                    read++;
                }
                else
                {
                    assertThat(appending.isCompletedExceptionally()).isFalse();
                    Thread.onSpinWait();
                }
            }
            appending.get(30, TimeUnit.SECONDS);
            assertThat(reader.poll()).isFalse();
        }
    }
}
