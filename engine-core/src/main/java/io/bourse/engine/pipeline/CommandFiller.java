package io.bourse.engine.pipeline;

import org.agrona.MutableDirectBuffer;

/**
 * Writes one command into a claimed slot's buffer. Implement as a static constant or a reused object (never a capturing
 * lambda) and pass per-command data as {@code arg}, so publishing allocates nothing. Runs on the publisher's thread.
 *
 * @param <A> the argument type.
 */
@FunctionalInterface
public interface CommandFiller<A>
{
    /**
     * @param buffer the slot's command buffer, written from offset 0, at most
     *               {@link io.bourse.engine.command.CommandWriter#MAX_COMMAND_LENGTH} bytes.
     * @return the length of the command written.
     */
    int fill(MutableDirectBuffer buffer, A arg);
}
