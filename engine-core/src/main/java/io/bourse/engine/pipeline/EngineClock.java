package io.bourse.engine.pipeline;

import org.agrona.concurrent.SystemEpochNanoClock;

/** The engine stage's time source, read once per command on the engine thread; the stage makes it monotonic. */
@FunctionalInterface
public interface EngineClock
{
    EngineClock SYSTEM = new SystemEpochNanoClock()::nanoTime;

    /** Wall-clock time in epoch nanoseconds. */
    long nowNs();
}
