package io.bourse.engine.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads the newest complete entry of a queue with a backward tailer, checksum verified. Not for the hot path:
 * allocates a tailer per call. Any thread.
 */
final class LastEntry
{
    private LastEntry()
    {
    }

    /** Fills {@code view} with the newest entry; false when the journal holds none. */
    static boolean read(final SingleChronicleQueue queue, final EntryDecoder decoder, final JournalEntryView view)
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    return false;
                }
                decoder.decode(document.wire().bytes(), document.index(), JournalEntryView.NO_SEQUENCE, view);
                return true;
            }
        }
    }
}
