package io.bourse.engine.pipeline;

import org.agrona.DirectBuffer;

import io.bourse.engine.journal.JournalWriteException;
import io.bourse.engine.journal.JournalWriter;

/**
 * What the journal stage needs from a journal: the {@link JournalWriter} operations, as an interface so tests can inject
 * failures. Used on the journal thread only (and {@link #close()} once the pipeline has halted).
 */
public interface PipelineJournal extends AutoCloseable
{
    /**
     * @return the Chronicle index of the appended document.
     * @throws JournalWriteException if the write failed; nothing may be acknowledged.
     */
    long append(
        long engineSequence,
        long engineTimeNs,
        DirectBuffer command,
        int cmdOffset,
        int cmdLength,
        DirectBuffer events,
        int eventsLength,
        int eventCount);

    void endOfBatch();

    @Override
    void close();

    /** Adapts a {@link JournalWriter}; closing the adapter closes the writer. */
    static PipelineJournal of(final JournalWriter writer)
    {
        return new PipelineJournal()
        {
            @Override
            public long append(
                final long engineSequence,
                final long engineTimeNs,
                final DirectBuffer command,
                final int cmdOffset,
                final int cmdLength,
                final DirectBuffer events,
                final int eventsLength,
                final int eventCount)
            {
                return writer.append(
                    engineSequence, engineTimeNs, command, cmdOffset, cmdLength, events, eventsLength, eventCount);
            }

            @Override
            public void endOfBatch()
            {
                writer.endOfBatch();
            }

            @Override
            public void close()
            {
                writer.close();
            }
        };
    }
}
