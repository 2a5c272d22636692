package io.bourse.engine.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.ClosedIllegalStateException;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.ExcerptContext;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.Wires;

/**
 * Reads journal entries in order from a given engine sequence, verifying each one's checksum and that sequences
 * rise by exactly one; any violation throws {@link JournalCorruptException}. {@link #poll()} never blocks, so the same
 * reader replays a finished journal (recovery, replay tool) and tails a live one (sidecar). Allocation-free per
 * entry; one thread at a time (the first poll after a {@link #seek} binds it).
 */
public final class JournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final ExcerptTailer tailer;
    private final EntryDecoder decoder = new EntryDecoder();
    private final JournalEntryView entry = new JournalEntryView();
    private long fromSequence = JournalEntryView.NO_SEQUENCE;
    private long expectedSequence = JournalEntryView.NO_SEQUENCE;

    /**
     * Opens the journal in {@code dir}, positioned before its first entry.
     *
     * @throws IllegalArgumentException if {@code dir} does not exist (a reader never creates a journal).
     */
    public static JournalReader open(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            throw new IllegalArgumentException("no journal directory " + dir);
        }
        return new JournalReader(JournalQueues.open(dir));
    }

    /** Takes ownership of {@code queue}: closing the reader closes it. */
    JournalReader(final SingleChronicleQueue queue)
    {
        this.queue = queue;
        this.rollCycle = queue.rollCycle();
        this.tailer = queue.createTailer();
        tailer.singleThreadedCheckReset();
    }

    /**
     * Positions the reader so that {@link #poll()} next returns the first entry whose sequence is at least
     * {@code fromSequence}, now or once it is appended. Finds the day file by its first entry, then the entry by
     * index arithmetic (sequence order is index order), so the cost does not grow with the journal.
     *
     * @throws JournalCorruptException if an entry it reads on the way is corrupt or the sequence falls in a gap.
     */
    public JournalReader seek(final long fromSequence)
    {
        this.fromSequence = fromSequence;
        expectedSequence = JournalEntryView.NO_SEQUENCE;
        tailer.direction(TailerDirection.FORWARD);
        positionAt(fromSequence);
        tailer.singleThreadedCheckReset();
        return this;
    }

    /**
     * Reads the next entry into {@link #entry()} if one is complete.
     *
     * @return false when no further complete entry exists yet.
     * @throws JournalCorruptException if the next document is not a valid entry or breaks the sequence.
     */
    public boolean poll()
    {
        while (readNext(expectedSequence))
        {
            expectedSequence = entry.engineSequence() + 1;
            if (entry.engineSequence() >= fromSequence)
            {
                return true;
            }
        }
        return false;
    }

    /** The entry the last successful {@link #poll()} read; reused, valid until the next call. */
    public JournalEntryView entry()
    {
        return entry;
    }

    /**
     * After {@link #poll()} returned false: whether a document has been started but not completed at the end of the
     * journal. Live, that is the writer mid-append. After a crash it is an append that never finished — never
     * acknowledged, never replayed, and overwritten by the next writer; recovery should report it.
     */
    public boolean atUnfinishedDocument()
    {
        final Wire wire = ((ExcerptContext)tailer).wire();
        if (wire == null)
        {
            return false;
        }
        final Bytes<?> bytes = wire.bytes();
        final long position = bytes.readPosition();
        if (position + Integer.BYTES + 1 > bytes.realCapacity())
        {
            return false;
        }
        final int header = bytes.readVolatileInt(position);
        if (header == 0)
        {
            // Chronicle publishes a header last, and on completing a document zeroes the 8 bytes after it: the next
            // header slot and at least the byte behind it. An entry's first byte (the SBE block length) is never
            // zero, so a non-zero byte there is a started document whose header was never published. Stale bytes of
            // an overwritten unfinished document lie further on and do not count.
            return bytes.readByte(position + Integer.BYTES) != 0;
        }
        return Wires.isNotComplete(header) && !Wires.isEndOfFile(header);
    }

    /**
     * The newest complete entry's sequence, checksum verified, or {@link JournalEntryView#NO_SEQUENCE} when empty.
     * Allocates a tailer; not for the hot path.
     */
    public long lastSequence()
    {
        final JournalEntryView last = new JournalEntryView();
        return lastEntry(last) ? last.engineSequence() : JournalEntryView.NO_SEQUENCE;
    }

    /**
     * Fills {@code into} with the newest complete entry, checksum verified (e.g. for recovery to learn the last
     * journaled sequence and engine time); false when the journal is empty. Allocates; not for the hot path.
     */
    public boolean lastEntry(final JournalEntryView into)
    {
        return LastEntry.read(queue, new EntryDecoder(), into);
    }

    @Override
    public void close()
    {
        queue.close();
    }

    private boolean readNext(final long expected)
    {
        final DocumentContext document;
        try
        {
            document = tailer.readingDocument();
        }
        catch (final ClosedIllegalStateException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new JournalCorruptException(expected, tailer.index(), "Chronicle cannot read the next document", ex);
        }
        try (document)
        {
            if (!document.isPresent())
            {
                return false;
            }
            decoder.decode(document.wire().bytes(), document.index(), expected, entry);
            return true;
        }
    }

    private void positionAt(final long sequence)
    {
        final int firstCycle = queue.firstCycle();
        final int lastCycle = queue.lastCycle();
        if (firstCycle > lastCycle)
        {
            tailer.toStart();
            return;
        }
        final Iterator<Long> newestFirst = queue.listCyclesBetween(firstCycle, lastCycle).descendingIterator();
        boolean newestNonEmpty = true;
        while (newestFirst.hasNext())
        {
            final int cycle = newestFirst.next().intValue();
            if (!tailer.moveToIndex(rollCycle.toIndex(cycle, 0)) || !readNext(JournalEntryView.NO_SEQUENCE))
            {
                continue;
            }
            final long firstInCycle = entry.engineSequence();
            if (firstInCycle <= sequence)
            {
                final long offset = sequence - firstInCycle;
                if (offset < rollCycle.maxMessagesPerCycle() && tailer.moveToIndex(rollCycle.toIndex(cycle, offset)))
                {
                    expectedSequence = sequence;
                    return;
                }
                if (!newestNonEmpty)
                {
                    throw new JournalCorruptException(sequence, JournalEntryView.NO_INDEX,
                        "no such entry: day file " + cycle + " starts at sequence " + firstInCycle +
                        " but ends before it, and the next day file starts after it");
                }
                // Beyond the newest entry: wait at the end for it.
                final long last = lastSequence();
                tailer.toEnd();
                expectedSequence = last == JournalEntryView.NO_SEQUENCE ? JournalEntryView.NO_SEQUENCE : last + 1;
                return;
            }
            newestNonEmpty = false;
        }
        tailer.toStart();
    }
}
