package io.bourse.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.snapshot.SnapshotImage;

/**
 * Stage 1: stamps the engine time (one clock read per command, made monotonic) and the engine sequence, then applies the
 * command to the engine, filling the slot's event log. Runs on the engine thread, which alone touches the engine.
 */
final class EngineHandler implements EventHandler<CommandSlot>
{
    private final ExchangeEngine engine;
    private final EngineClock clock;
    private final FailStop failStop;
    private final long snapshotEveryCommands;
    private long lastSequence;
    private long lastTimeNs;
    private long commandsSinceSnapshot;

    /**
     * @param lastTimeNs            the engine time of the last journaled command, so time stays monotonic across a
     *                              restart; {@link Long#MIN_VALUE} for a new journal.
     * @param snapshotEveryCommands capture a snapshot after this many commands; 0 for never.
     */
    EngineHandler(
        final ExchangeEngine engine,
        final EngineClock clock,
        final FailStop failStop,
        final long lastSequence,
        final long lastTimeNs,
        final long snapshotEveryCommands)
    {
        this.engine = engine;
        this.clock = clock;
        this.failStop = failStop;
        this.lastSequence = lastSequence;
        this.lastTimeNs = lastTimeNs;
        this.snapshotEveryCommands = snapshotEveryCommands;
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        slot.engineSequence = CommandSlot.NO_SEQUENCE;
        slot.journalIndex = CommandSlot.NOT_JOURNALED;
        slot.snapshot = null;
        slot.events().reset();
        if (slot.task != null)
        {
            runTask(slot);
            return;
        }
        // After a failure the engine state may be ahead of the journal: stop applying anything.
        if (slot.commandLength == 0 || failStop.failed())
        {
            return;
        }
        final long nowNs = clock.nowNs();
        lastTimeNs = lastTimeNs == Long.MIN_VALUE ? nowNs : Math.max(lastTimeNs + 1, nowNs);
        slot.engineTimeNs = lastTimeNs;
        try
        {
            engine.process(slot.command(), 0, slot.commandLength, lastTimeNs, slot.events());
        }
        catch (final Throwable ex)
        {
            // An engine exception is a bug: its state is suspect, so nothing further is processed.
            failStop.fail(ex);
            return;
        }
        slot.engineSequence = ++lastSequence;
        if (snapshotEveryCommands > 0 && ++commandsSinceSnapshot >= snapshotEveryCommands)
        {
            commandsSinceSnapshot = 0;
            // Encoding the state is the engine thread's share of a snapshot; the reply stage hands it to a writer.
            slot.snapshot = SnapshotImage.capture(engine, lastSequence, lastTimeNs);
        }
    }

    private void runTask(final CommandSlot slot)
    {
        final EngineTask task = slot.task;
        if (failStop.failed())
        {
            slot.task = null;
            task.failed(failStop.cause());
            return;
        }
        try
        {
            task.runOnEngine(engine, lastSequence, lastTimeNs);
        }
        catch (final Throwable ex)
        {
            // A task only reads the engine: its failure is reported to its owner and does not stop the pipeline.
            slot.task = null;
            task.failed(ex);
        }
    }
}
