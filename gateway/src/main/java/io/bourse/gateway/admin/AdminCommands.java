package io.bourse.gateway.admin;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.gateway.SourceIds;

/**
 * Publishes one admin command (create account, deposit, halt, ...) with its own sourceId and returns the journaled
 * outcome. Any thread.
 */
final class AdminCommands
{
    /** Thrown into the outcome when the ring is full or the engine stopped. */
    static final class NotPublishedException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        final boolean busy;

        NotPublishedException(final boolean busy)
        {
            super(busy ? "engine busy: the command ring is full" : "engine stopped");
            this.busy = busy;
        }
    }

    private static final CommandFiller<Consumer<CommandWriter>> FILLER = (buffer, write) ->
    {
        final CommandWriter writer = new CommandWriter(buffer);
        write.accept(writer);
        return writer.length();
    };

    private final CommandPublisher publisher;
    private final AdminReplies replies;

    AdminCommands(final CommandPublisher publisher, final AdminReplies replies)
    {
        this.publisher = publisher;
        this.replies = replies;
    }

    /** Publishes what {@code write} writes (admin path: allocation is fine here). */
    CompletableFuture<AdminReplies.Outcome> publish(final Consumer<CommandWriter> write)
    {
        final long sourceId = SourceIds.next();
        final CompletableFuture<AdminReplies.Outcome> outcome = replies.expect(sourceId);
        final long result = publisher.tryPublish(FILLER, write, sourceId);
        if (result < 0)
        {
            replies.forget(sourceId);
            outcome.completeExceptionally(new NotPublishedException(result == CommandPublisher.BUSY));
        }
        return outcome;
    }
}
