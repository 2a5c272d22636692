package io.bourse.engine.recovery;

import java.nio.file.Path;
import java.util.List;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.snapshot.SkippedSnapshot;

/**
 * What recovery rebuilt and how.
 *
 * @param engine              the recovered engine, at {@code lastSequence}.
 * @param lastSequence        the engine sequence of the last command applied (0 for an empty journal).
 * @param lastEngineTimeNs    the engine time of that command, {@link Long#MIN_VALUE} when there is none.
 * @param snapshotSequence    the sequence of the snapshot started from, 0 for a full replay.
 * @param snapshotPath        that snapshot's file, or null.
 * @param skippedSnapshots    newer snapshots not used, each with the reason (corrupt, beyond the journal, ...).
 * @param entriesReplayed     journal entries re-executed after the snapshot.
 * @param eventsVerified      whether each re-executed entry's events were compared with the journaled ones.
 * @param unfinishedTail      whether the journal ends in a document whose append never finished (a crash mid-write):
 *                            it was never acknowledged, is not replayed, and the next writer overwrites it.
 * @param elapsedNs           wall time of the whole recovery.
 */
public record RecoveryResult(
    ExchangeEngine engine,
    long lastSequence,
    long lastEngineTimeNs,
    long snapshotSequence,
    Path snapshotPath,
    List<SkippedSnapshot> skippedSnapshots,
    long entriesReplayed,
    boolean eventsVerified,
    boolean unfinishedTail,
    long elapsedNs)
{
    public long stateHash()
    {
        return engine.stateHash();
    }

    /** Re-executed entries per second (0 when none). */
    public double entriesPerSecond()
    {
        return elapsedNs == 0 ? 0 : entriesReplayed * 1e9 / elapsedNs;
    }

    /** A few lines for an operator: where recovery started, how far it went, what it skipped, the state hash. */
    public String describe()
    {
        final StringBuilder out = new StringBuilder();
        out.append(snapshotSequence == 0 ? "full replay (no snapshot)" :
            "snapshot at sequence " + snapshotSequence + " (" + snapshotPath + ")");
        out.append(String.format(", %,d journal entries re-executed%s in %.3f s (%,.0f entries/s); last sequence %d;"
            + " state hash %016x", entriesReplayed, eventsVerified ? " and verified" : "", elapsedNs / 1e9,
            entriesPerSecond(), lastSequence, stateHash()));
        for (final SkippedSnapshot skipped : skippedSnapshots)
        {
            out.append(System.lineSeparator()).append("  skipped snapshot ").append(skipped.path())
                .append(": ").append(skipped.reason());
        }
        if (unfinishedTail)
        {
            out.append(System.lineSeparator()).append("  the journal ends in an unfinished append (a crash mid-write);"
                + " it was never acknowledged and is discarded");
        }
        return out.toString();
    }
}
