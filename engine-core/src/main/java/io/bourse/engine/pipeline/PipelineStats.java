package io.bourse.engine.pipeline;

/**
 * A momentary reading of a {@link Pipeline}, for metrics and health.
 *
 * @param lastJournaledSequence the engine sequence of the newest journaled command (0 for none).
 * @param lastJournalIndex      the Chronicle index of that command's document, or {@link CommandSlot#NOT_JOURNALED}
 *                              if nothing was journaled since start.
 * @param ringSize              slots in the ring.
 * @param ringRemaining         slots free for publishing right now; {@code ringSize - ringRemaining} is the occupancy.
 */
public record PipelineStats(long lastJournaledSequence, long lastJournalIndex, int ringSize, long ringRemaining)
{
    public long ringOccupancy()
    {
        return ringSize - ringRemaining;
    }
}
