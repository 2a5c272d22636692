package io.bourse.persistence.sidecar;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.flywaydb.core.api.FlywayException;

import io.bourse.engine.journal.JournalCorruptException;
import io.bourse.engine.journal.JournalEntryView;
import io.bourse.engine.journal.JournalReader;
import io.bourse.persistence.db.BatchWriter;
import io.bourse.persistence.db.Checkpoint;
import io.bourse.persistence.db.Migrations;
import io.bourse.persistence.db.ReferenceData;
import io.bourse.persistence.projection.Batch;
import io.bourse.persistence.projection.EntryProjector;
import io.bourse.persistence.projection.Scales;
import io.bourse.persistence.projection.UndecodableEntryException;

/**
 * The sidecar loop: reads journal entries after the stored checkpoint, projects them into a batch, and commits the
 * batch with the new checkpoint in one transaction. When the database is lost it logs, discards the batch, waits
 * with backoff, reconnects, re-reads the checkpoint and re-reads the journal from there, so nothing is lost or
 * doubled. An entry it cannot decode, a corrupt journal or a data error stops it with the engine sequence.
 * Runs on the thread that calls {@link #run()}; {@link #requestStop()} from any thread.
 */
public final class SidecarAgent
{
    /** Session-level advisory lock key: one sidecar per database. */
    static final long ADVISORY_LOCK_KEY = 7301_0005L;
    private static final long IDLE_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long FILLING_PARK_NS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long PROGRESS_EVERY_NS = TimeUnit.SECONDS.toNanos(10);

    /** How a run ended. */
    public enum Outcome
    {
        /** Every complete entry of the journal is in the database ({@code exitAtEnd}). */
        DRAINED,
        /** {@link #requestStop()} was called; everything read so far was committed. */
        STOPPED,
        /** Stopped on an undecodable entry, a corrupt journal or a data error; the log names the sequence. */
        FAILED
    }

    private final SidecarContext context;
    private final SidecarLog log;
    private final SidecarStats stats = new SidecarStats();
    private final EntryProjector projector;
    private final Batch batch;
    private final Backoff backoff;
    private volatile boolean stopRequested;
    private boolean migrated;
    /** Sequence of an entry found undecodable: apply everything before it, then stop. */
    private long undecodableSequence;
    private long lastProgressNs;
    private long lastProgressEntries;

    public SidecarAgent(final SidecarContext context, final SidecarLog log)
    {
        this.context = context;
        this.log = log;
        final Scales scales = new Scales(context.config());
        this.projector = new EntryProjector(scales);
        this.batch = new Batch(scales.maxSymbolId());
        this.backoff = new Backoff(context.maxBackoffMs());
    }

    public SidecarStats stats()
    {
        return stats;
    }

    /** Asks the loop to commit what it has and return {@link Outcome#STOPPED}. */
    public void requestStop()
    {
        stopRequested = true;
    }

    public Outcome run()
    {
        log.info("projecting journal " + context.journalDir() + " into " + context.database().describe() + " (batches of up to " +
            context.batchSize() + " entries, " + context.maxBatchLatencyMs() + " ms)" + (context.exitAtEnd() ? ", exiting at its end" : ""));
        if (!awaitJournal())
        {
            return stopRequested ? Outcome.STOPPED : Outcome.FAILED;
        }
        try (JournalReader reader = JournalReader.open(context.journalDir()))
        {
            while (!stopRequested)
            {
                try
                {
                    final Outcome outcome = session(reader);
                    if (outcome != null)
                    {
                        return outcome;
                    }
                }
                catch (final SQLException ex)
                {
                    if (!SqlFailures.isTransient(ex))
                    {
                        log.error("database error applying entries " + describeBatch() + ", stopping: " + ex.getMessage() +
                            " (SQLState " + ex.getSQLState() + ")");
                        return Outcome.FAILED;
                    }
                    waitBeforeRetry("database unavailable (" + ex.getMessage() + ", SQLState " + ex.getSQLState() + ")");
                }
                catch (final FlywayException ex)
                {
                    if (!(ex.getCause() instanceof SQLException sql && SqlFailures.isTransient(sql)))
                    {
                        log.error("schema migration failed, stopping: " + ex.getMessage());
                        return Outcome.FAILED;
                    }
                    waitBeforeRetry("database unavailable for migration (" + ex.getCause().getMessage() + ")");
                }
                catch (final UndecodableEntryException ex)
                {
                    // The batch holds part of the bad entry: discard it, then re-read and commit up to the entry before.
                    log.error(ex.getMessage());
                    if (undecodableSequence != 0)
                    {
                        return Outcome.FAILED;
                    }
                    undecodableSequence = ex.engineSequence();
                }
                catch (final JournalCorruptException ex)
                {
                    log.error(ex.getMessage() + "; stopping with everything before it applied");
                    return Outcome.FAILED;
                }
            }
            return Outcome.STOPPED;
        }
    }

    /** One connection's lifetime; returns the outcome when the run is over, or throws to reconnect. */
    private Outcome session(final JournalReader reader) throws SQLException
    {
        batch.clear();
        if (!migrated)
        {
            if (context.database().createIfMissing())
            {
                log.info("created database " + context.database().describe());
            }
            final int applied = Migrations.migrate(context.database());
            migrated = true;
            if (applied > 0)
            {
                log.info("applied " + applied + " schema migration(s)");
            }
        }
        final Connection connection = context.database().connect();
        try (BatchWriter writer = open(connection))
        {
            if (writer == null)
            {
                return null;
            }
            final long resumeAfter = writer.checkpointSequence();
            stats.resumedAt(resumeAfter);
            log.info((backoff.attempts() > 0 ? "database back after " + backoff.attempts() + " failed attempt(s); " : "") +
                "resuming after engine sequence " + resumeAfter);
            backoff.reset();
            reader.seek(resumeAfter + 1);
            return pump(reader, writer, resumeAfter + 1);
        }
    }

    private BatchWriter open(final Connection connection) throws SQLException
    {
        try
        {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + ADVISORY_LOCK_KEY + ")"))
            {
                locked.next();
                if (!locked.getBoolean(1))
                {
                    connection.close();
                    // Also the case for a moment after a killed sidecar, until the server notices its connection is gone.
                    waitBeforeRetry("another sidecar holds this database's lock");
                    return null;
                }
            }
            connection.setAutoCommit(false);
            ReferenceData.write(connection, context.config());
            final Checkpoint checkpoint = Checkpoint.read(connection);
            connection.commit();
            return new BatchWriter(connection, checkpoint.engineSequence());
        }
        catch (final SQLException | RuntimeException ex)
        {
            try
            {
                connection.close();
            }
            catch (final SQLException closeFailure)
            {
                ex.addSuppressed(closeFailure);
            }
            throw ex;
        }
    }

    private Outcome pump(final JournalReader reader, final BatchWriter writer, final long firstExpected) throws SQLException
    {
        long expected = firstExpected;
        lastProgressNs = System.nanoTime();
        lastProgressEntries = stats.entries();
        while (true)
        {
            batch.clear();
            long deadlineNs = 0;
            while (batch.entryCount() < context.batchSize())
            {
                if (poll(reader, writer))
                {
                    final JournalEntryView entry = reader.entry();
                    if (undecodableSequence != 0 && entry.engineSequence() >= undecodableSequence)
                    {
                        commit(writer);
                        log.error("stopped before engine sequence " + undecodableSequence + ", which cannot be decoded; every " +
                            "entry before it is applied (checkpoint " + writer.checkpointSequence() + "). Nothing was skipped.");
                        return Outcome.FAILED;
                    }
                    if (entry.engineSequence() != expected)
                    {
                        throw new JournalCorruptException(expected, entry.chronicleIndex(), "the database checkpoint needs entry " +
                            expected + " next but the journal has " + entry.engineSequence() + " there");
                    }
                    projector.project(entry, batch);
                    expected++;
                    if (batch.entryCount() == 1)
                    {
                        deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(context.maxBatchLatencyMs());
                    }
                }
                else if (batch.isEmpty())
                {
                    if (stopRequested)
                    {
                        return Outcome.STOPPED;
                    }
                    if (context.exitAtEnd())
                    {
                        if (reader.atUnfinishedDocument())
                        {
                            log.warn("the journal ends with an unfinished entry after sequence " + (expected - 1) +
                                " (an append that never completed); it is not applied");
                        }
                        log.info("drained: every entry up to engine sequence " + (expected - 1) + " is applied (" +
                            stats.entries() + " entries, " + stats.trades() + " trades, " + stats.ledgerRows() +
                            " ledger rows this run)");
                        return Outcome.DRAINED;
                    }
                    LockSupport.parkNanos(IDLE_PARK_NS);
                }
                else if (System.nanoTime() >= deadlineNs || stopRequested)
                {
                    break;
                }
                else
                {
                    LockSupport.parkNanos(FILLING_PARK_NS);
                }
            }
            commit(writer);
        }
    }

    private void commit(final BatchWriter writer) throws SQLException
    {
        if (!batch.isEmpty())
        {
            writer.write(batch);
            stats.committed(batch.entryCount(), batch.ledgerRowCount(), batch.tradeCount(), batch.lastSequence());
            stats.phases(writer);
            batch.clear();
            reportProgress();
        }
    }

    /** Polls the journal; on a corrupt entry, first commits the complete entries read before it. */
    private boolean poll(final JournalReader reader, final BatchWriter writer) throws SQLException
    {
        try
        {
            return reader.poll();
        }
        catch (final JournalCorruptException ex)
        {
            commit(writer);
            throw ex;
        }
    }

    private void reportProgress()
    {
        final long now = System.nanoTime();
        if (now - lastProgressNs >= PROGRESS_EVERY_NS)
        {
            final double seconds = (now - lastProgressNs) / 1e9;
            log.info(String.format("applied up to engine sequence %d (%.0f entries/s over the last %.0f s)",
                stats.checkpointSequence(), (stats.entries() - lastProgressEntries) / seconds, seconds));
            lastProgressNs = now;
            lastProgressEntries = stats.entries();
        }
    }

    private boolean awaitJournal()
    {
        boolean logged = false;
        while (!Files.isDirectory(context.journalDir()))
        {
            if (context.exitAtEnd())
            {
                log.error("no journal directory " + context.journalDir());
                return false;
            }
            if (stopRequested)
            {
                return false;
            }
            if (!logged)
            {
                log.info("waiting for the journal directory " + context.journalDir() + " to appear");
                logged = true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return true;
    }

    private void waitBeforeRetry(final String reason)
    {
        final long delayMs = backoff.nextDelayMs();
        stats.reconnected();
        log.warn(reason + "; the uncommitted batch is discarded, retrying in " + delayMs + " ms (attempt " + backoff.attempts() +
            "), then resuming from the stored checkpoint");
        final long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
        while (!stopRequested && System.nanoTime() < until)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private String describeBatch()
    {
        return batch.isEmpty() ? "(none)" : batch.firstSequence() + ".." + batch.lastSequence();
    }
}
