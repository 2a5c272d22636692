package io.bourse.engine.journal;

import static io.bourse.engine.journal.JournalAssertions.assertReads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

class JournalCorruptionTest
{
    private static final int ENTRIES = 200;
    private static final int DAMAGED = 137;
    private static final byte[] COMMAND_MARKER = "<<command-137-marker>>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENTS_MARKER = "<<events-137-marker>>".getBytes(StandardCharsets.US_ASCII);
    /** From the first command byte back to the engineSequence field: var-data length, checksum, eventCount, time. */
    private static final int SEQUENCE_FIELD_BEFORE_COMMAND = 4 + 8 + 4 + 8 + 8;

    @TempDir
    Path dir;

    private final List<TestEntry> written = new ArrayList<>();

    @Test
    void shouldDetectABitFlippedInsideACommand() throws IOException
    {
        writeJournal();
        final Path file = JournalFiles.onlyCycleFile(dir);
        JournalFiles.flipBit(file, JournalFiles.find(file, COMMAND_MARKER) + 5, 3);

        assertCorruptAtDamagedEntry("checksum mismatch");
    }

    @Test
    void shouldDetectABitFlippedInsideTheEvents() throws IOException
    {
        writeJournal();
        final Path file = JournalFiles.onlyCycleFile(dir);
        JournalFiles.flipBit(file, JournalFiles.find(file, EVENTS_MARKER) + 2, 0);

        assertCorruptAtDamagedEntry("checksum mismatch");
    }

    @Test
    void shouldDetectABitFlippedInTheStoredSequenceAndNameTheExpectedOne() throws IOException
    {
        writeJournal();
        final Path file = JournalFiles.onlyCycleFile(dir);
        JournalFiles.flipBit(file, JournalFiles.find(file, COMMAND_MARKER) - SEQUENCE_FIELD_BEFORE_COMMAND, 6);

        assertCorruptAtDamagedEntry("checksum mismatch");
    }

    @Test
    void shouldDetectAJournalCutShortMidDocument() throws IOException
    {
        writeJournal();
        final Path file = JournalFiles.onlyCycleFile(dir);
        JournalFiles.truncate(file, JournalFiles.find(file, COMMAND_MARKER) + 7);

        // Chronicle maps the file back to full size on open: the lost bytes read as zeros behind an intact header.
        assertCorruptAtDamagedEntry("");
    }

    @Test
    void shouldDetectAGapInSequences()
    {
        final SplittableRandom random = new SplittableRandom(5);
        try (RawJournal raw = new RawJournal(dir))
        {
            raw.append(RawJournal.encode(TestEntry.random(random, 1)));
            raw.append(RawJournal.encode(TestEntry.random(random, 2)));
            raw.append(RawJournal.encode(TestEntry.random(random, 4)));
        }

        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertThat(reader.poll()).isTrue();
            assertThat(reader.poll()).isTrue();
            final JournalCorruptException corrupt = catchThrowableOfType(JournalCorruptException.class, reader::poll);
            assertThat(corrupt.engineSequence()).isEqualTo(4);
            assertThat(corrupt).hasMessageContaining("sequence 4 found where 3 was expected");
        }
    }

    @Test
    void shouldDetectAGapBetweenDayFilesWhenSeekingIntoIt()
    {
        final SetTimeProvider cycleClock = new SetTimeProvider(Instant.parse("2026-03-02T10:00:00Z"));
        final SplittableRandom random = new SplittableRandom(6);
        try (RawJournal raw = new RawJournal(dir, cycleClock))
        {
            for (int sequence = 1; sequence <= 10; sequence++)
            {
                raw.append(RawJournal.encode(TestEntry.random(random, sequence)));
            }
            cycleClock.advanceMillis(TimeUnit.DAYS.toMillis(1));
            for (int sequence = 12; sequence <= 20; sequence++)
            {
                raw.append(RawJournal.encode(TestEntry.random(random, sequence)));
            }
        }

        try (JournalReader reader = new JournalReader(JournalQueues.open(dir, cycleClock)))
        {
            assertThatThrownBy(() -> reader.seek(11))
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("engine sequence 11");
            reader.seek(1);
            for (int sequence = 1; sequence <= 10; sequence++)
            {
                assertThat(reader.poll()).isTrue();
            }
            assertThatThrownBy(reader::poll)
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("sequence 12 found where 11 was expected");
        }
    }

    @Test
    void shouldRejectADocumentThatIsNotAJournalEntry()
    {
        final SplittableRandom random = new SplittableRandom(8);
        final byte[] notAnEntry = RawJournal.encode(TestEntry.random(random, 2));
        notAnEntry[2] = 1;
        try (RawJournal raw = new RawJournal(dir))
        {
            raw.append(RawJournal.encode(TestEntry.random(random, 1)));
            raw.append(notAnEntry);
            raw.append("too short".getBytes(StandardCharsets.US_ASCII));
        }

        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertThat(reader.poll()).isTrue();
            assertThatThrownBy(reader::poll)
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("engine sequence 2")
                .hasMessageContaining("not a JournalEntry: template 1");
        }
        try (JournalReader reader = JournalReader.open(dir).seek(3))
        {
            final JournalCorruptException corrupt = catchThrowableOfType(JournalCorruptException.class, reader::poll);
            assertThat(corrupt).hasMessageContaining("cannot be a journal entry");
            assertThat(corrupt.chronicleIndex()).isNotEqualTo(JournalEntryView.NO_INDEX);
        }
    }

    @Test
    void shouldNeverReplayAnUnfinishedDocumentAndLetTheNextWriterReplaceIt()
    {
        final SplittableRandom random = new SplittableRandom(9);
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            for (int sequence = 1; sequence <= 5; sequence++)
            {
                final TestEntry entry = TestEntry.random(random, sequence);
                entry.appendTo(writer);
                written.add(entry);
            }
        }
        final byte[] sixth = RawJournal.encode(TestEntry.random(random, 6));
        try (RawJournal raw = new RawJournal(dir);
            JournalReader reader = JournalReader.open(dir).seek(1))
        {
            // What a crash mid-append leaves: a started document that is never completed.
            final DocumentContext unfinished = raw.appendUnfinished(sixth, sixth.length / 2);
            assertReads(reader, written);
            assertThat(reader.poll()).isFalse();
            assertThat(reader.atUnfinishedDocument()).isTrue();
            assertThat(reader.lastSequence()).isEqualTo(5);
            unfinished.rollbackOnClose();
            unfinished.close();
        }

        final TestEntry replacement = TestEntry.random(random, 6);
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            assertThat(writer.lastSequence()).isEqualTo(5);
            replacement.appendTo(writer);
        }
        written.add(replacement);
        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertReads(reader, written);
            assertThat(reader.poll()).isFalse();
            assertThat(reader.atUnfinishedDocument()).isFalse();
        }
    }

    @Test
    void shouldFailStopWhenAWriteFailsAndStayFailed()
    {
        final SingleChronicleQueue queue = JournalQueues.open(dir);
        final SplittableRandom random = new SplittableRandom(10);
        try (JournalWriter writer = new JournalWriter(queue, FsyncPolicy.EVERY))
        {
            TestEntry.random(random, 1).appendTo(writer);
            queue.close();

            final TestEntry second = TestEntry.random(random, 2);
            assertThatThrownBy(() -> second.appendTo(writer))
                .isInstanceOf(JournalWriteException.class)
                .hasMessageContaining("append of engine sequence 2 failed")
                .hasCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> second.appendTo(writer))
                .isInstanceOf(JournalWriteException.class)
                .hasMessageContaining("failed earlier, after engine sequence 1");
            assertThatThrownBy(writer::sync).isInstanceOf(JournalWriteException.class);
            assertThat(writer.lastSequence()).isEqualTo(1);
        }
    }

    private void writeJournal()
    {
        final SplittableRandom random = new SplittableRandom(4);
        try (JournalWriter writer = JournalWriter.open(dir, FsyncPolicy.NONE))
        {
            for (int sequence = 1; sequence <= ENTRIES; sequence++)
            {
                final TestEntry entry = TestEntry.random(random, sequence);
                if (sequence == DAMAGED)
                {
                    System.arraycopy(COMMAND_MARKER, 0, entry.command(), 0, COMMAND_MARKER.length);
                    System.arraycopy(EVENTS_MARKER, 0, entry.events(), 0, EVENTS_MARKER.length);
                }
                entry.appendTo(writer);
                written.add(entry);
            }
        }
    }

    private void assertCorruptAtDamagedEntry(final String problem)
    {
        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            assertReads(reader, written.subList(0, DAMAGED - 1));
            final JournalCorruptException corrupt = catchThrowableOfType(JournalCorruptException.class, reader::poll);
            assertThat(corrupt).as("damage detected").isNotNull();
            assertThat(corrupt.engineSequence()).isEqualTo(DAMAGED);
            assertThat(corrupt).hasMessageContaining("engine sequence " + DAMAGED).hasMessageContaining(problem);
        }
    }
}
