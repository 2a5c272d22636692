package io.bourse.persistence.sidecar;

/**
 * Counters of what the sidecar has committed since it started: written by the sidecar thread after each commit,
 * readable from any thread (progress logs, tests, the drain benchmark).
 */
public final class SidecarStats
{
    private volatile long entries;
    private volatile long ledgerRows;
    private volatile long trades;
    private volatile long batches;
    private volatile long checkpointSequence;
    private volatile long reconnects;

    void committed(final int entryCount, final int ledgerRowCount, final int tradeCount, final long lastSequence)
    {
        entries += entryCount;
        ledgerRows += ledgerRowCount;
        trades += tradeCount;
        batches++;
        checkpointSequence = lastSequence;
    }

    void resumedAt(final long sequence)
    {
        checkpointSequence = sequence;
    }

    void reconnected()
    {
        reconnects++;
    }

    public long entries()
    {
        return entries;
    }

    public long ledgerRows()
    {
        return ledgerRows;
    }

    public long trades()
    {
        return trades;
    }

    public long batches()
    {
        return batches;
    }

    /** The engine sequence of the last committed entry (the stored checkpoint). */
    public long checkpointSequence()
    {
        return checkpointSequence;
    }

    /** Times the database was lost and the sidecar resumed from the stored checkpoint. */
    public long reconnects()
    {
        return reconnects;
    }
}
