package io.bourse.engine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import com.typesafe.config.Config;

import io.bourse.engine.ExchangeView;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.journal.JournalWriter;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.engine.pipeline.EngineClock;
import io.bourse.engine.pipeline.EngineTask;
import io.bourse.engine.pipeline.Pipeline;
import io.bourse.engine.pipeline.PipelineJournal;
import io.bourse.engine.pipeline.PipelineStats;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.recovery.Recovery;
import io.bourse.engine.recovery.RecoveryResult;
import io.bourse.engine.snapshot.SnapshotStore;

/**
 * The engine as a running service: recovers from snapshot + journal, then runs the pipeline with journaling,
 * periodic snapshots and engine tasks. In-process users (the gateway, tests, benchmarks) publish through
 * {@link #publisher()} and read state with {@link #query}. {@link #close()} drains the ring, optionally takes a final
 * snapshot, and closes the journal.
 */
public final class EngineServer implements AutoCloseable
{
    private static final long SHUTDOWN_SNAPSHOT_TIMEOUT_S = 60;

    private final ServerSettings settings;
    private final ExchangeConfig exchangeConfig;
    private final RecoveryResult recovery;
    private final SnapshotWriter snapshotWriter;
    private final Pipeline pipeline;
    private final Consumer<String> log;
    private boolean closed;

    private EngineServer(
        final ServerSettings settings,
        final ExchangeConfig exchangeConfig,
        final RecoveryResult recovery,
        final SnapshotWriter snapshotWriter,
        final Pipeline pipeline,
        final Consumer<String> log)
    {
        this.settings = settings;
        this.exchangeConfig = exchangeConfig;
        this.recovery = recovery;
        this.snapshotWriter = snapshotWriter;
        this.pipeline = pipeline;
        this.log = log;
    }

    /** {@link #start(ServerSettings, ExchangeConfig, List, Consumer)} with the exchange config read from {@code config}. */
    public static EngineServer start(
        final ServerSettings settings, final Config config, final List<ReplyListener> listeners)
    {
        return start(settings, ConfigLoader.fromConfig(config), listeners, line -> { });
    }

    /**
     * Recovers the engine from {@code settings}' journal and snapshot directories and starts the pipeline.
     *
     * @param listeners called in order on the reply thread for each journaled command.
     * @param log       receives a line per notable event (recovery summary, snapshots written).
     * @throws io.bourse.engine.recovery.RecoveryException if the journal is corrupt or diverges on re-execution.
     */
    public static EngineServer start(
        final ServerSettings settings,
        final ExchangeConfig exchangeConfig,
        final List<ReplyListener> listeners,
        final Consumer<String> log)
    {
        return start(settings, exchangeConfig, listeners, log, EngineClock.SYSTEM);
    }

    /** As {@link #start(ServerSettings, ExchangeConfig, List, Consumer)} with the engine's clock given (tests). */
    public static EngineServer start(
        final ServerSettings settings,
        final ExchangeConfig exchangeConfig,
        final List<ReplyListener> listeners,
        final Consumer<String> log,
        final EngineClock clock)
    {
        final SnapshotStore store;
        try
        {
            store = new SnapshotStore(settings.snapshotDir(), settings.snapshotRetention());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open snapshot directory " + settings.snapshotDir(), ex);
        }
        final RecoveryResult recovery = new Recovery(exchangeConfig, settings.journalDir(), store).recover();
        log.accept("recovered: " + recovery.describe());

        final JournalWriter writer = JournalWriter.open(settings.journalDir(), settings.fsync());
        if (writer.lastSequence() != recovery.lastSequence())
        {
            writer.close();
            throw new IllegalStateException("journal writer continues from sequence " + writer.lastSequence()
                + " but recovery ended at " + recovery.lastSequence() + ": was the journal written meanwhile?");
        }
        final SnapshotWriter snapshotWriter = new SnapshotWriter(store, log);
        final Pipeline pipeline = new Pipeline(
            recovery.engine(),
            recovery.lastSequence(),
            PipelineJournal.of(writer),
            ReplyListeners.of(listeners),
            settings.pipelineContext()
                .clock(clock)
                .lastEngineTimeNs(recovery.lastEngineTimeNs())
                .periodicSnapshots(settings.snapshotEveryCommands(), snapshotWriter::submit));
        return new EngineServer(settings, exchangeConfig, recovery, snapshotWriter, pipeline, log);
    }

    /** The thread-safe, non-blocking way to send commands. */
    public CommandPublisher publisher()
    {
        return pipeline.publisher();
    }

    /**
     * Runs {@code query} on the engine thread between commands (it must only read, and return a value that does not
     * share the engine's mutable state) and completes with its result once everything before it is journaled.
     * Completes exceptionally with {@link EngineBusyException} when the ring is full or the pipeline has stopped.
     */
    public <T> CompletableFuture<T> query(final Function<? super ExchangeView, T> query)
    {
        return query(query, null);
    }

    /**
     * As {@link #query(Function)}, and before completing hands the result to {@code inSequence} on the reply thread,
     * after the reply listeners were given every command before the query and before they are given any after it: a
     * listener can start from the engine's state at that point without missing or double counting a command. If
     * {@code inSequence} throws, the future completes exceptionally with that exception.
     */
    public <T> CompletableFuture<T> query(
        final Function<? super ExchangeView, T> query, final Consumer<? super T> inSequence)
    {
        final QueryTask<T> task = new QueryTask<>(query, inSequence);
        publishTask(task, task.result);
        return task.result;
    }

    /** Takes a snapshot now, in sequence with the commands; completes once the file is durable. */
    public CompletableFuture<SnapshotInfo> takeSnapshot()
    {
        final SnapshotTask task = new SnapshotTask(snapshotWriter);
        publishTask(task, task.result);
        return task.result;
    }

    private void publishTask(final EngineTask task, final CompletableFuture<?> result)
    {
        final long published = pipeline.publisher().tryPublishTask(task);
        if (published == CommandPublisher.BUSY)
        {
            result.completeExceptionally(new EngineBusyException("engine busy: the command ring is full"));
        }
        else if (published == CommandPublisher.FAILED)
        {
            result.completeExceptionally(new EngineBusyException("engine stopped: " + pipeline.failureCause()));
        }
    }

    public ExchangeConfig exchangeConfig()
    {
        return exchangeConfig;
    }

    public ServerSettings settings()
    {
        return settings;
    }

    public Path journalDir()
    {
        return settings.journalDir();
    }

    /** How the engine was rebuilt at start. */
    public RecoveryResult recovery()
    {
        return recovery;
    }

    /** Progress of the pipeline: last journaled sequence and journal index, ring size and free slots. */
    public PipelineStats stats()
    {
        return pipeline.stats();
    }

    /** Whether the pipeline failed (fail-stop): nothing more is accepted. */
    public boolean failed()
    {
        return pipeline.failed();
    }

    public Throwable failureCause()
    {
        return pipeline.failureCause();
    }

    /**
     * Takes the shutdown snapshot if configured (and the pipeline is healthy), then stops accepting commands, drains
     * the ring, closes the journal and waits for pending snapshot writes.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            if (settings.snapshotOnShutdown() && !pipeline.failed() && pipeline.stats().lastJournaledSequence() > 0)
            {
                takeShutdownSnapshot();
            }
        }
        finally
        {
            pipeline.close();
            snapshotWriter.close();
        }
    }

    private void takeShutdownSnapshot()
    {
        try
        {
            final SnapshotInfo info = takeSnapshot().get(SHUTDOWN_SNAPSHOT_TIMEOUT_S, TimeUnit.SECONDS);
            log.accept(String.format("shutdown snapshot at sequence %d, state hash %016x", info.engineSequence(),
                info.stateHash()));
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            log.accept("shutdown snapshot failed (the journal still holds everything): " + ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
