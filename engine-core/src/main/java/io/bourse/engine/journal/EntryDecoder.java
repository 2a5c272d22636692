package io.bourse.engine.journal;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.sbe.JournalEntryDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Copies one Chronicle document out of the mapped file and decodes it as a JournalEntry, verifying header, lengths,
 * checksum and sequence contiguity; any violation is a {@link JournalCorruptException}. The copy keeps the view valid
 * after the document is released. Allocates only to grow its copy buffer; one thread.
 */
final class EntryDecoder
{
    /** Larger documents are not entries (Chronicle caps a document well below this anyway). */
    static final int MAX_ENTRY_LENGTH = 64 * 1024 * 1024;
    private static final int INITIAL_CAPACITY = 4096;
    private static final int MIN_ENTRY_LENGTH = JournalChecksum.VAR_DATA_OFFSET +
        JournalEntryDecoder.commandHeaderLength() + JournalEntryDecoder.eventsHeaderLength();

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final JournalEntryDecoder entry = new JournalEntryDecoder();
    private final JournalChecksum checksum = new JournalChecksum();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[INITIAL_CAPACITY]);

    /**
     * Decodes the document's remaining bytes into {@code view}.
     *
     * @param expectedSequence the sequence this entry must carry, or {@link JournalEntryView#NO_SEQUENCE} to accept
     *                         any (the first entry read after a seek).
     */
    void decode(final Bytes<?> document, final long chronicleIndex, final long expectedSequence, final JournalEntryView view)
    {
        try
        {
            decodeChecked(document, chronicleIndex, expectedSequence, view);
        }
        catch (final IndexOutOfBoundsException ex)
        {
            // Every length read is checked first; this is a second line of defence, not a path.
            throw new JournalCorruptException(expectedSequence, chronicleIndex, "entry does not decode", ex);
        }
    }

    private void decodeChecked(
        final Bytes<?> document, final long chronicleIndex, final long expectedSequence, final JournalEntryView view)
    {
        final long documentLength = document.readRemaining();
        if (documentLength < MIN_ENTRY_LENGTH || documentLength > MAX_ENTRY_LENGTH)
        {
            throw new JournalCorruptException(expectedSequence, chronicleIndex,
                "document of " + documentLength + " bytes cannot be a journal entry (" + MIN_ENTRY_LENGTH + " to " +
                MAX_ENTRY_LENGTH + " bytes)");
        }
        final int length = (int)documentLength;
        if (buffer.capacity() < length)
        {
            buffer.wrap(new byte[Math.max(length, buffer.capacity() * 2)]);
        }
        final byte[] bytes = buffer.byteArray();
        document.read(bytes, 0, length);

        header.wrap(buffer, 0);
        if (header.templateId() != JournalEntryDecoder.TEMPLATE_ID || header.schemaId() != JournalEntryDecoder.SCHEMA_ID ||
            header.blockLength() != JournalEntryDecoder.BLOCK_LENGTH || header.version() != JournalEntryDecoder.SCHEMA_VERSION)
        {
            throw new JournalCorruptException(expectedSequence, chronicleIndex,
                "not a JournalEntry: template " + header.templateId() + ", schema " + header.schemaId() +
                ", version " + header.version() + ", block length " + header.blockLength());
        }
        entry.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, JournalEntryDecoder.BLOCK_LENGTH, JournalEntryDecoder.SCHEMA_VERSION);
        final long storedSequence = entry.engineSequence();
        // Until the checksum passes the stored sequence may itself be the damaged field: name the expected one.
        final long reportSequence = expectedSequence != JournalEntryView.NO_SEQUENCE ? expectedSequence : storedSequence;

        final int commandOffset = entry.limit() + JournalEntryDecoder.commandHeaderLength();
        final int commandLength = entry.commandLength();
        if (commandLength < 0 || commandLength > length - commandOffset - JournalEntryDecoder.eventsHeaderLength())
        {
            throw new JournalCorruptException(reportSequence, chronicleIndex,
                "command length " + Integer.toUnsignedString(commandLength) + " overruns the " + length + "-byte document");
        }
        entry.skipCommand();
        final int eventsOffset = commandOffset + commandLength + JournalEntryDecoder.eventsHeaderLength();
        final int eventsLength = entry.eventsLength();
        if (eventsLength != length - eventsOffset)
        {
            throw new JournalCorruptException(reportSequence, chronicleIndex,
                "events length " + Integer.toUnsignedString(eventsLength) + " does not end at the end of the " + length +
                "-byte document");
        }

        final long computed = checksum.compute(bytes, length);
        if (computed != entry.checksum())
        {
            throw new JournalCorruptException(reportSequence, chronicleIndex,
                "checksum mismatch: stored 0x" + Long.toHexString(entry.checksum()) + ", computed 0x" +
                Long.toHexString(computed));
        }
        if (expectedSequence != JournalEntryView.NO_SEQUENCE && storedSequence != expectedSequence)
        {
            throw new JournalCorruptException(storedSequence, chronicleIndex,
                "sequence " + storedSequence + " found where " + expectedSequence + " was expected (entries must be contiguous)");
        }
        if (storedSequence <= JournalEntryView.NO_SEQUENCE)
        {
            throw new JournalCorruptException(JournalEntryView.NO_SEQUENCE, chronicleIndex,
                "stored engine sequence " + storedSequence + " is not positive");
        }
        view.set(bytes, storedSequence, entry.engineTimeNs(), entry.eventCount(),
            commandOffset, commandLength, eventsOffset, eventsLength, chronicleIndex);
    }
}
