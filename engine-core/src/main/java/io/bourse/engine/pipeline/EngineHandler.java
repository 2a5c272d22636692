package io.bourse.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.bourse.engine.ExchangeEngine;

/**
 * Stage 1: stamps the engine time (one clock read per command, made monotonic) and the engine sequence, then applies the
 * command to the engine, filling the slot's event log. Runs on the engine thread, which alone touches the engine.
 */
final class EngineHandler implements EventHandler<CommandSlot>
{
    private final ExchangeEngine engine;
    private final EngineClock clock;
    private final FailStop failStop;
    private long lastSequence;
    private long lastTimeNs = Long.MIN_VALUE;

    EngineHandler(final ExchangeEngine engine, final EngineClock clock, final FailStop failStop, final long lastSequence)
    {
        this.engine = engine;
        this.clock = clock;
        this.failStop = failStop;
        this.lastSequence = lastSequence;
    }

    @Override
    public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
    {
        slot.engineSequence = CommandSlot.NO_SEQUENCE;
        slot.journalIndex = CommandSlot.NOT_JOURNALED;
        slot.events().reset();
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
    }
}
