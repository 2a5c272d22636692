package io.bourse.benchmarks;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.event.EventLog;

/**
 * Fresh engines that have already run the {@link MixedStream}'s prefix, built during trial setup so that taking one
 * during a run allocates nothing (and so JMH's {@code -prof gc} sees only the engine's own allocation). Builds more,
 * allocating, only if the prebuilt ones run out; {@link #builtLate()} counts that. One thread.
 */
final class EngineSupply
{
    private final MixedStream stream;
    private final EventLog events;
    private final ExchangeEngine[] ready;
    private int taken;
    private long builtLate;

    EngineSupply(final MixedStream stream, final EventLog events, final int prebuilt)
    {
        this.stream = stream;
        this.events = events;
        ready = new ExchangeEngine[prebuilt];
        for (int i = 0; i < prebuilt; i++)
        {
            ready[i] = stream.newEngine(events);
        }
    }

    /** A fresh engine; the supply forgets it, so it becomes garbage once the caller drops it. */
    ExchangeEngine next()
    {
        if (taken < ready.length)
        {
            final ExchangeEngine engine = ready[taken];
            ready[taken++] = null;
            return engine;
        }
        builtLate++;
        return stream.newEngine(events);
    }

    /** Engines taken so far. */
    long taken()
    {
        return taken + builtLate;
    }

    /** Engines that had to be built after setup because the prebuilt ones ran out. */
    long builtLate()
    {
        return builtLate;
    }
}
