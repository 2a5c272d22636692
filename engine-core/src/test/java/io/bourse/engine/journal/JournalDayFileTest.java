package io.bourse.engine.journal;

import static io.bourse.engine.journal.JournalAssertions.assertReads;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.openhft.chronicle.core.time.SetTimeProvider;

class JournalDayFileTest
{
    private static final long DAY_MS = TimeUnit.DAYS.toMillis(1);

    @TempDir
    Path dir;

    private final SetTimeProvider cycleClock = new SetTimeProvider(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<TestEntry> written = new ArrayList<>();

    @Test
    void shouldReadAndSeekAcrossDayFiles() throws IOException
    {
        // Day 1: 1..300; day 2: 301..450; (day 3 idle); day 4: 451..700.
        try (JournalWriter writer = new JournalWriter(JournalQueues.open(dir, cycleClock), FsyncPolicy.BATCH))
        {
            append(writer, 300);
            cycleClock.advanceMillis(DAY_MS);
            append(writer, 150);
            cycleClock.advanceMillis(2 * DAY_MS);
            append(writer, 250);
        }
        assertThat(cycleFiles()).hasSize(3);

        try (JournalReader reader = new JournalReader(JournalQueues.open(dir, cycleClock)))
        {
            reader.seek(1);
            assertReads(reader, written);
            assertThat(reader.poll()).isFalse();
            for (final long from : new long[]{1, 299, 300, 301, 302, 449, 450, 451, 452, 700})
            {
                reader.seek(from);
                assertReads(reader, written.subList((int)from - 1, written.size()));
                assertThat(reader.poll()).as("nothing after 700 when starting at %d", from).isFalse();
            }
            assertThat(reader.lastSequence()).isEqualTo(700);
        }
    }

    private void append(final JournalWriter writer, final int count)
    {
        final SplittableRandom random = new SplittableRandom(written.size());
        for (int i = 0; i < count; i++)
        {
            final TestEntry entry = TestEntry.random(random, written.size() + 1);
            entry.appendTo(writer);
            written.add(entry);
        }
        writer.endOfBatch();
    }

    private List<Path> cycleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(path -> path.toString().endsWith(".cq4")).toList();
        }
    }
}
