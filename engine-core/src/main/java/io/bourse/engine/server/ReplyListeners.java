package io.bourse.engine.server;

import java.util.List;

import io.bourse.engine.pipeline.CommandSlot;
import io.bourse.engine.pipeline.ReplyListener;

/** Fans one reply out to several listeners, in order, without allocating per reply. */
final class ReplyListeners implements ReplyListener
{
    private final ReplyListener[] listeners;

    private ReplyListeners(final ReplyListener[] listeners)
    {
        this.listeners = listeners;
    }

    static ReplyListener of(final List<ReplyListener> listeners)
    {
        if (listeners.size() == 1)
        {
            return listeners.get(0);
        }
        return new ReplyListeners(listeners.toArray(new ReplyListener[0]));
    }

    @Override
    public void onReply(final CommandSlot slot, final boolean endOfBatch)
    {
        for (final ReplyListener listener : listeners)
        {
            listener.onReply(slot, endOfBatch);
        }
    }

    @Override
    public void onBatchEnd()
    {
        for (final ReplyListener listener : listeners)
        {
            listener.onBatchEnd();
        }
    }
}
