package io.bourse.engine.journal;

import static io.bourse.engine.journal.JournalAssertions.assertReads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JournalRoundTripTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void shouldReadBackEveryEntryExactlyFromTheStart(final FsyncPolicy policy)
    {
        final List<TestEntry> written = appendEntries(policy, 1, policy == FsyncPolicy.NONE ? 20_000 : 300);

        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertReads(reader, written);
            assertThat(reader.poll()).isFalse();
            assertThat(reader.atUnfinishedDocument()).isFalse();
        }
    }

    @Test
    void shouldStartAtTheFirstEntryAtOrAfterTheRequestedSequence()
    {
        final List<TestEntry> written = appendEntries(FsyncPolicy.NONE, 1, 5_000);

        try (JournalReader reader = JournalReader.open(dir))
        {
            for (final long from : new long[]{0, 1, 2, 255, 256, 257, 2_500, 4_999, 5_000})
            {
                reader.seek(from);
                final int first = (int)Math.max(from, 1) - 1;
                assertReads(reader, written.subList(first, Math.min(first + 300, written.size())));
            }
            reader.seek(2_500);
            assertReads(reader, written.subList(2_499, written.size()));
            assertThat(reader.poll()).isFalse();
        }
    }

    @Test
    void shouldWaitAtTheEndForASequenceNotYetJournaled()
    {
        appendEntries(FsyncPolicy.NONE, 1, 100);

        try (JournalReader reader = JournalReader.open(dir).seek(103))
        {
            assertThat(reader.poll()).isFalse();
            final List<TestEntry> later = appendEntries(FsyncPolicy.NONE, 101, 10);
            assertReads(reader, later.subList(2, later.size()));
            assertThat(reader.poll()).isFalse();
        }
    }

    @Test
    void shouldHandTheChronicleIndexOfEachEntryToWriterAndReader()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final long[] indexes = new long[50];
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            for (int i = 0; i < indexes.length; i++)
            {
                indexes[i] = TestEntry.random(random, i + 1).appendTo(writer);
            }
            assertThat(writer.lastIndex()).isEqualTo(indexes[indexes.length - 1]);
        }

        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            for (final long index : indexes)
            {
                assertThat(reader.poll()).isTrue();
                assertThat(reader.entry().chronicleIndex()).isEqualTo(index);
            }
        }
    }

    @Test
    void shouldContinueAfterTheLastJournaledSequenceWhenReopened()
    {
        final List<TestEntry> first = appendEntries(FsyncPolicy.BATCH, 1, 40);
        final List<TestEntry> second = appendEntries(FsyncPolicy.BATCH, 41, 40);

        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            assertThat(writer.lastSequence()).isEqualTo(80);
            final TestEntry gap = TestEntry.random(new SplittableRandom(1), 82);
            assertThatThrownBy(() -> gap.appendTo(writer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("82").hasMessageContaining("80");
        }
        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertReads(reader, first);
            assertReads(reader, second);
            assertThat(reader.poll()).isFalse();
            assertThat(reader.lastSequence()).isEqualTo(80);
        }
    }

    @Test
    void shouldAppendOnAnotherThreadThanTheOneThatOpenedTheWriter() throws Exception
    {
        final TestEntry entry = TestEntry.random(new SplittableRandom(3), 1);
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.EVERY))
        {
            CompletableFuture.runAsync(() -> entry.appendTo(writer)).get(10, TimeUnit.SECONDS);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalReader seeked = CompletableFuture.supplyAsync(() -> reader.seek(1)).get(10, TimeUnit.SECONDS);
            assertReads(seeked, List.of(entry));
            final JournalEntryView last = new JournalEntryView();
            assertThat(reader.lastEntry(last)).isTrue();
            assertThat(last.engineTimeNs()).isEqualTo(entry.engineTimeNs());
        }
    }

    @Test
    void shouldReportNoLastSequenceForAnEmptyJournal()
    {
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            assertThat(writer.lastSequence()).isEqualTo(JournalEntryView.NO_SEQUENCE);
        }
        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertThat(reader.lastSequence()).isEqualTo(JournalEntryView.NO_SEQUENCE);
            assertThat(reader.poll()).isFalse();
            assertThat(reader.atUnfinishedDocument()).isFalse();
        }
    }

    @Test
    void shouldRefuseASecondWriterOnTheSameJournal()
    {
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            assertThatThrownBy(() -> JournalWriter.open(dir, FsyncPolicy.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already open for writing");
            TestEntry.random(new SplittableRandom(2), 1).appendTo(writer);
        }
    }

    @Test
    void shouldRefuseToOpenAReaderOnAMissingDirectory()
    {
        assertThatThrownBy(() -> JournalReader.open(dir.resolve("absent")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private List<TestEntry> appendEntries(final FsyncPolicy policy, final long fromSequence, final int count)
    {
        final SplittableRandom random = new SplittableRandom(fromSequence * 31 + count);
        final List<TestEntry> written = new ArrayList<>();
        try (JournalWriter writer = JournalWriter.open(dir, policy))
        {
            for (int i = 0; i < count; i++)
            {
                final TestEntry entry = TestEntry.random(random, fromSequence + i);
                entry.appendTo(writer);
                written.add(entry);
                if (i % 64 == 63)
                {
                    writer.endOfBatch();
                }
            }
            writer.endOfBatch();
        }
        return written;
    }
}
