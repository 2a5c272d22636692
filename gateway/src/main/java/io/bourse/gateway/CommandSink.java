package io.bourse.gateway;

import io.bourse.engine.pipeline.CommandFiller;

/**
 * Where acceptors publish engine commands: the engine's ring in a server, a direct engine in tests. Thread-safe and
 * non-blocking.
 */
@FunctionalInterface
public interface CommandSink
{
    /**
     * @param sourceId who sent the command (see {@link SourceIds}); the reply stage sees it on the command's slot.
     * @return a non-negative ring sequence, {@code CommandPublisher.BUSY} when the ring is full, or
     * {@code CommandPublisher.FAILED} when the engine accepts nothing more.
     */
    <A> long tryPublish(CommandFiller<A> filler, A arg, long sourceId);
}
