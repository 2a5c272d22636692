package io.bourse.engine.pipeline;

/**
 * Receives each processed command after its journal document was written (stage 3). Called on the reply thread, in
 * engine-sequence order; the slot is reused once the call returns, so copy what must outlive it.
 */
@FunctionalInterface
public interface ReplyListener
{
    void onReply(CommandSlot slot, boolean endOfBatch);

    /**
     * The reply stage's batch ended on a slot this listener was not given (an engine task, or an entry that was not
     * journaled): a listener that gathers replies until {@code endOfBatch} must hand them on now.
     */
    default void onBatchEnd()
    {
    }
}
