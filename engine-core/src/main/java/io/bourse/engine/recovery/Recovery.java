package io.bourse.engine.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.journal.JournalCorruptException;
import io.bourse.engine.journal.JournalEntryView;
import io.bourse.engine.journal.JournalReader;
import io.bourse.engine.snapshot.LoadedSnapshot;
import io.bourse.engine.snapshot.SnapshotStore;

/**
 * Rebuilds the engine from disk: the newest valid snapshot that the journal covers (falling back to older ones, or to a
 * full replay), then every later journal entry re-executed at its journaled engine time. With verification on, each
 * entry's re-executed events must equal its journaled events byte for byte; the first difference stops recovery with
 * a {@link RecoveryException} naming the sequence and the event. Runs before the pipeline starts, on one thread.
 */
public final class Recovery
{
    private final ExchangeConfig config;
    private final Path journalDir;
    private final SnapshotStore snapshots;
    private boolean verifyEvents = true;

    /**
     * @param snapshots where to look for snapshots, or null to replay the whole journal.
     */
    public Recovery(final ExchangeConfig config, final Path journalDir, final SnapshotStore snapshots)
    {
        this.config = config;
        this.journalDir = journalDir;
        this.snapshots = snapshots;
    }

    /** Whether re-executed events are compared with the journaled ones (on by default; the replay tool may skip it). */
    public Recovery verifyEvents(final boolean verifyEvents)
    {
        this.verifyEvents = verifyEvents;
        return this;
    }

    /**
     * @throws RecoveryException if the journal is corrupt, has a gap after the snapshot, or diverges on re-execution.
     */
    public RecoveryResult recover()
    {
        final long startNs = System.nanoTime();
        if (!Files.isDirectory(journalDir))
        {
            final LoadedSnapshot none = loadSnapshot(JournalEntryView.NO_SEQUENCE);
            return new RecoveryResult(none.engine(), 0, Long.MIN_VALUE, 0, null, none.skipped(), 0, verifyEvents,
                false, System.nanoTime() - startNs);
        }
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            final long journalLastSequence = lastSequence(reader);
            final LoadedSnapshot snapshot = loadSnapshot(journalLastSequence);
            final ExchangeEngine engine = snapshot.engine();
            long lastSequence = snapshot.engineSequence();
            long lastTimeNs = snapshot.found() ? snapshot.engineTimeNs() : Long.MIN_VALUE;

            final EventLog events = new EventLog();
            final EventComparison comparison = new EventComparison();
            long replayed = 0;
            try
            {
                reader.seek(lastSequence + 1);
                while (reader.poll())
                {
                    final JournalEntryView entry = reader.entry();
                    if (entry.engineSequence() != lastSequence + 1)
                    {
                        throw new RecoveryException(lastSequence + 1, "journal gap: expected sequence "
                            + (lastSequence + 1) + " after " + describeStart(snapshot) + " but found "
                            + entry.engineSequence());
                    }
                    reExecute(engine, entry, events, comparison);
                    lastSequence = entry.engineSequence();
                    lastTimeNs = entry.engineTimeNs();
                    replayed++;
                }
            }
            catch (final JournalCorruptException ex)
            {
                throw new RecoveryException(ex.engineSequence(), "journal corrupt after sequence " + lastSequence
                    + ": " + ex.getMessage(), ex);
            }
            if (lastSequence != journalLastSequence)
            {
                throw new RecoveryException(lastSequence + 1, "journal ends at sequence " + journalLastSequence
                    + " but entries could be read only up to " + lastSequence);
            }
            return new RecoveryResult(engine, lastSequence, lastTimeNs, snapshot.engineSequence(),
                snapshot.path(), snapshot.skipped(), replayed, verifyEvents, reader.atUnfinishedDocument(),
                System.nanoTime() - startNs);
        }
    }

    private void reExecute(
        final ExchangeEngine engine, final JournalEntryView entry, final EventLog events, final EventComparison comparison)
    {
        events.reset();
        try
        {
            engine.process(entry.commandBuffer(), entry.commandOffset(), entry.commandLength(), entry.engineTimeNs(),
                events);
        }
        catch (final RuntimeException ex)
        {
            throw new RecoveryException(entry.engineSequence(),
                "re-executing sequence " + entry.engineSequence() + " threw " + ex, ex);
        }
        if (verifyEvents && (events.count() != entry.eventCount() || !comparison.same(
            entry.eventsBuffer(), entry.eventsOffset(), entry.eventsLength(), events.buffer(), events.length())))
        {
            throw new RecoveryException(entry.engineSequence(), "divergence at sequence " + entry.engineSequence()
                + " (journaled " + entry.eventCount() + " events, re-executed " + events.count() + "): "
                + comparison.firstDifference(entry.eventsBuffer(), entry.eventsOffset(), entry.eventsLength(),
                events.buffer(), events.length()));
        }
    }

    private long lastSequence(final JournalReader reader)
    {
        try
        {
            return reader.lastSequence();
        }
        catch (final JournalCorruptException ex)
        {
            throw new RecoveryException(ex.engineSequence(), "journal's last entry is corrupt: " + ex.getMessage(), ex);
        }
        catch (final RuntimeException | AssertionError ex)
        {
            // Chronicle's jump to the end can trip over a damaged file (an internal assertion when run with -ea): read
            // forward instead, which names the first bad entry.
            return scanToEnd();
        }
    }

    private long scanToEnd()
    {
        long last = JournalEntryView.NO_SEQUENCE;
        try (JournalReader scan = JournalReader.open(journalDir))
        {
            scan.seek(1);
            while (scan.poll())
            {
                last = scan.entry().engineSequence();
            }
        }
        catch (final JournalCorruptException ex)
        {
            throw new RecoveryException(ex.engineSequence(), "journal corrupt after sequence " + last + ": "
                + ex.getMessage(), ex);
        }
        return last;
    }

    private LoadedSnapshot loadSnapshot(final long journalLastSequence)
    {
        if (snapshots == null)
        {
            return new LoadedSnapshot(SnapshotStore.NO_SNAPSHOT, 0, new ExchangeEngine(config), null, List.of());
        }
        try
        {
            // A snapshot beyond the journal's end describes commands the journal lost (written before a power loss
            // took unsynced journal pages): it is skipped, never trusted over the journal.
            return snapshots.loadNewestValid(config, journalLastSequence);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read snapshots in " + snapshots.dir(), ex);
        }
    }

    private static String describeStart(final LoadedSnapshot snapshot)
    {
        return snapshot.found() ? "snapshot " + snapshot.engineSequence() : "the start of the journal";
    }
}
