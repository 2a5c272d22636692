package io.bourse.engine.pipeline;

import java.util.function.Consumer;

import com.lmax.disruptor.EventHandler;

import io.bourse.engine.snapshot.SnapshotImage;

/**
 * Stage 3: hands each journaled entry to the {@link ReplyListener}, completes engine tasks and passes periodic snapshot
 * images to their writer, all only after the journal stage has written (and forced) everything before them. Entries
 * the journal stage did not journal (fail-stop) are never handed on. Runs on the reply thread.
 */
final class ReplyHandler implements EventHandler<CommandSlot>
{
    private final ReplyListener listener;
    private final FailStop failStop;
    private final Consumer<SnapshotImage> snapshotSink;

    ReplyHandler(final ReplyListener listener, final FailStop failStop, final Consumer<SnapshotImage> snapshotSink)
    {
        this.listener = listener;
        this.failStop = failStop;
        this.snapshotSink = snapshotSink;
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (slot.task != null)
        {
            completeTask(slot.task);
            if (endOfBatch)
            {
                listener.onBatchEnd();
            }
            return;
        }
        if (slot.snapshot != null && !failStop.failed())
        {
            snapshotSink.accept(slot.snapshot);
        }
        // A batch fsync that failed after this entry was appended means it may not be durable: do not acknowledge.
        if (slot.journalIndex == CommandSlot.NOT_JOURNALED || failStop.failed())
        {
            if (endOfBatch)
            {
                listener.onBatchEnd();
            }
            return;
        }
        listener.onReply(slot, endOfBatch);
    }

    private void completeTask(final EngineTask task)
    {
        if (failStop.failed())
        {
            task.failed(failStop.cause());
        }
        else
        {
            task.afterJournaled();
        }
    }
}
