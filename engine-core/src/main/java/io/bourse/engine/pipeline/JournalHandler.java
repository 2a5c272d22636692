package io.bourse.engine.pipeline;

import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;

/**
 * Stage 2: appends each processed command with all its events as one journal document, and ends the batch (fsync under
 * the BATCH policy) at the end of each ring batch. On a failure it latches fail-stop: that entry and every later one
 * stay unjournaled, so stage 3 never acknowledges them. Runs on the journal thread.
 */
final class JournalHandler implements EventHandler<CommandSlot>
{
    private final PipelineJournal journal;
    private final FailStop failStop;
    /** For metrics, read by other threads: the last journaled engine sequence and its journal index. */
    private final AtomicLong lastJournaledSequence;
    private final AtomicLong lastJournalIndex = new AtomicLong(CommandSlot.NOT_JOURNALED);

    JournalHandler(final PipelineJournal journal, final FailStop failStop, final long lastSequence)
    {
        this.journal = journal;
        this.failStop = failStop;
        this.lastJournaledSequence = new AtomicLong(lastSequence);
    }

    long lastJournaledSequence()
    {
        return lastJournaledSequence.get();
    }

    long lastJournalIndex()
    {
        return lastJournalIndex.get();
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (failStop.failed())
        {
            slot.journalIndex = CommandSlot.NOT_JOURNALED;
            return;
        }
        try
        {
            if (slot.engineSequence != CommandSlot.NO_SEQUENCE)
            {
                slot.journalIndex = journal.append(
                    slot.engineSequence,
                    slot.engineTimeNs,
                    slot.command(),
                    0,
                    slot.commandLength,
                    slot.events().buffer(),
                    slot.events().length(),
                    slot.events().count());
                lastJournaledSequence.lazySet(slot.engineSequence);
                lastJournalIndex.lazySet(slot.journalIndex);
            }
            if (endOfBatch)
            {
                // The entries of this batch are durable (per the fsync policy) before stage 3 sees any of them.
                journal.endOfBatch();
            }
        }
        catch (final Throwable ex)
        {
            failStop.fail(ex);
            slot.journalIndex = CommandSlot.NOT_JOURNALED;
        }
    }
}
