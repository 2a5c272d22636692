package io.bourse.persistence.sidecar;

import io.bourse.persistence.db.BatchWriter;

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
    private final long[] phaseNs = new long[BatchWriter.Phase.values().length];
    private final long[] sessionBaseNs = new long[BatchWriter.Phase.values().length];

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
        System.arraycopy(phaseNs, 0, sessionBaseNs, 0, phaseNs.length);
    }

    /** Takes the cumulative phase times of the current session's writer. */
    void phases(final BatchWriter writer)
    {
        for (final BatchWriter.Phase phase : BatchWriter.Phase.values())
        {
            phaseNs[phase.ordinal()] = sessionBaseNs[phase.ordinal()] + writer.phaseNs(phase);
        }
    }

    /** Time spent writing in one phase, ns; read it from the sidecar thread or after the run. */
    public long phaseNs(final BatchWriter.Phase phase)
    {
        return phaseNs[phase.ordinal()];
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
