package io.bourse.engine.journal;

import java.nio.file.Path;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.sbe.JournalEntryEncoder;
import io.bourse.sbe.MessageHeaderEncoder;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/** Writes documents straight to a journal's queue, bypassing JournalWriter's checks, to build damaged journals. */
final class RawJournal implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;

    RawJournal(final Path dir)
    {
        this(dir, SystemTimeProvider.INSTANCE);
    }

    RawJournal(final Path dir, final TimeProvider cycleClock)
    {
        queue = JournalQueues.open(dir, cycleClock);
        appender = queue.createAppender();
    }

    /** Encodes a valid JournalEntry, checksum included. */
    static byte[] encode(final TestEntry entry)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final JournalEntryEncoder encoder = new JournalEntryEncoder();
        encoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .engineSequence(entry.engineSequence())
            .engineTimeNs(entry.engineTimeNs())
            .eventCount(entry.eventCount())
            .putCommand(new UnsafeBuffer(entry.command()), 0, entry.command().length)
            .putEvents(new UnsafeBuffer(entry.events()), 0, entry.events().length);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        encoder.checksum(new JournalChecksum().compute(buffer.byteArray(), length));
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    void append(final byte[] document)
    {
        try (DocumentContext context = appender.writingDocument())
        {
            context.wire().bytes().write(document);
        }
    }

    /** Starts a document, writes {@code length} bytes of it and leaves it open, as a crash mid-append would. */
    DocumentContext appendUnfinished(final byte[] document, final int length)
    {
        final DocumentContext context = appender.writingDocument();
        context.wire().bytes().write(document, 0, length);
        return context;
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
