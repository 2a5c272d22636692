package io.bourse.engine.pipeline;

import io.bourse.engine.ExchangeEngine;

/**
 * Work that must see the engine between two commands (a snapshot, an admin query): published into the ring like a
 * command, so it runs in sequence on the engine thread, is not journaled, and completes on the reply thread only
 * once every command before it is journaled. Allocating per task is fine: tasks are rare admin operations.
 */
public interface EngineTask
{
    /**
     * On the engine thread, after the command with {@code lastSequence} and before the next one. Must not block or
     * do I/O: copy what is needed and leave the rest to {@link #afterJournaled()}.
     */
    void runOnEngine(ExchangeEngine engine, long lastSequence, long lastEngineTimeNs);

    /** On the reply thread, once every command up to the task's position is journaled (and forced, per policy). */
    void afterJournaled();

    /** Instead of the calls above when the pipeline failed or closed first; on whichever thread saw it. */
    void failed(Throwable cause);
}
