package io.bourse.gateway.admin;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.bourse.engine.pipeline.CommandSlot;
import io.bourse.engine.pipeline.ReplyListener;

/**
 * Completes the admin API's pending commands: each is published with its own sourceId and awaits a copy of the events
 * its journal entry carries. Reply thread for {@link #onReply}; any thread for {@link #expect}.
 */
final class AdminReplies implements ReplyListener
{
    /** The journaled outcome of one admin command. */
    record Outcome(long engineSequence, byte[] events)
    {
    }

    private final ConcurrentHashMap<Long, CompletableFuture<Outcome>> pending = new ConcurrentHashMap<>();

    /** Registers interest in the command about to be published with {@code sourceId}. */
    CompletableFuture<Outcome> expect(final long sourceId)
    {
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        pending.put(sourceId, outcome);
        return outcome;
    }

    /** The command was not published after all. */
    void forget(final long sourceId)
    {
        pending.remove(sourceId);
    }

    @Override
    public void onReply(final CommandSlot slot, final boolean endOfBatch)
    {
        final long sourceId = slot.sourceId();
        if (sourceId == 0 || pending.isEmpty())
        {
            return;
        }
        final CompletableFuture<Outcome> outcome = pending.remove(sourceId);
        if (outcome != null)
        {
            final byte[] events = new byte[slot.events().length()];
            slot.events().buffer().getBytes(0, events);
            // Complete off the reply thread: whoever waits must never run on it.
            CompletableFuture.runAsync(() -> outcome.complete(new Outcome(slot.engineSequence(), events)));
        }
    }
}
