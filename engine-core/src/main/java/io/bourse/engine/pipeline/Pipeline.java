package io.bourse.engine.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import io.bourse.engine.ExchangeEngine;

/**
 * The engine as a pipeline: a Disruptor ring of {@link CommandSlot}s and its three stages, each on its own thread.
 * Build, {@link #publisher()} from any thread, {@link #close()} from one thread. Owns the journal: closing the
 * pipeline closes it.
 */
public final class Pipeline implements AutoCloseable
{
    private final Disruptor<CommandSlot> disruptor;
    private final PipelineJournal journal;
    private final FailStop failStop = new FailStop();
    private final CommandPublisher publisher;
    private final JournalHandler journalStage;
    private final RingBuffer<CommandSlot> ringBuffer;
    private final long closeTimeoutNs;
    private boolean closed;

    /**
     * @param engine       the state machine, used only by the engine thread from now on.
     * @param lastSequence the engine sequence the engine and journal are at (0 for a new journal).
     */
    public Pipeline(
        final ExchangeEngine engine,
        final long lastSequence,
        final PipelineJournal journal,
        final ReplyListener listener,
        final PipelineContext context)
    {
        this.journal = journal;
        this.closeTimeoutNs = context.closeTimeoutNs();
        disruptor = new Disruptor<>(
            CommandSlot::new,
            context.ringSize(),
            new StageThreadFactory(),
            ProducerType.MULTI,
            WaitStrategies.fromName(context.waitStrategy()));
        disruptor.setDefaultExceptionHandler(new FailStopExceptionHandler(failStop));

        // (1) engine: stamp time and engine sequence, apply the command, fill the slot's events; run engine tasks and
        //     capture periodic snapshots between commands.
        final EngineHandler engineStage = new EngineHandler(
            engine, context.clock(), failStop, lastSequence, context.lastEngineTimeNs(), context.snapshotEveryCommands());
        // (2) journal: append command + events as one document, fsync per policy at the end of each batch.
        journalStage = new JournalHandler(journal, failStop, lastSequence);
        // (3) reply: hand journaled entries to their consumers, complete tasks, pass snapshots to their writer, never
        //     before stage 2 has written everything they cover.
        final ReplyHandler replyStage = new ReplyHandler(listener, failStop, context.snapshotSink());
        disruptor.handleEventsWith(engineStage).then(journalStage).then(replyStage);

        ringBuffer = disruptor.start();
        publisher = new CommandPublisher(ringBuffer, failStop);
    }

    /** A momentary reading of the pipeline's progress, for metrics; safe from any thread. */
    public PipelineStats stats()
    {
        return new PipelineStats(
            journalStage.lastJournaledSequence(),
            journalStage.lastJournalIndex(),
            ringBuffer.getBufferSize(),
            ringBuffer.remainingCapacity());
    }

    /** The thread-safe, non-blocking way in. */
    public CommandPublisher publisher()
    {
        return publisher;
    }

    /** Whether the pipeline has failed (fail-stop) and accepts nothing more. */
    public boolean failed()
    {
        return failStop.failed();
    }

    /** Why the pipeline failed, or null while it has not. */
    public Throwable failureCause()
    {
        return failStop.cause();
    }

    /**
     * Stops accepting commands, waits (up to the configured timeout) for the published ones to pass all stages, halts the
     * stage threads and closes the journal.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        publisher.close();
        try
        {
            disruptor.shutdown(closeTimeoutNs, TimeUnit.NANOSECONDS);
        }
        catch (final TimeoutException ex)
        {
            disruptor.halt();
        }
        finally
        {
            journal.close();
        }
    }

    private static final class StageThreadFactory implements ThreadFactory
    {
        private static final String[] NAMES = {"bourse-engine", "bourse-journal", "bourse-reply"};
        private int started;

        @Override
        public synchronized Thread newThread(final Runnable runnable)
        {
            final String name = started < NAMES.length ? NAMES[started] : "bourse-pipeline-" + started;
            started++;
            final Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Anything a stage throws (a listener, say) is recorded and stops the pipeline rather than being skipped. */
    private static final class FailStopExceptionHandler implements ExceptionHandler<CommandSlot>
    {
        private final FailStop failStop;

        FailStopExceptionHandler(final FailStop failStop)
        {
            this.failStop = failStop;
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final CommandSlot slot)
        {
            failStop.fail(ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            failStop.fail(ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            failStop.fail(ex);
        }
    }
}
