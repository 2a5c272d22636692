package io.bourse.engine.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * Stage 3: hands each journaled entry to the {@link ReplyListener}. Entries the journal stage did not journal (fail-stop)
 * are never handed on. Runs on the reply thread.
 */
final class ReplyHandler implements EventHandler<CommandSlot>
{
    private final ReplyListener listener;
    private final FailStop failStop;

    ReplyHandler(final ReplyListener listener, final FailStop failStop)
    {
        this.listener = listener;
        this.failStop = failStop;
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        // A batch fsync that failed after this entry was appended means it may not be durable: do not acknowledge.
        if (slot.journalIndex == CommandSlot.NOT_JOURNALED || failStop.failed())
        {
            return;
        }
        listener.onReply(slot, endOfBatch);
    }
}
