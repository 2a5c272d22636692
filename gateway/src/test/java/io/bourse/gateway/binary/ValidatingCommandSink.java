package io.bourse.gateway.binary;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.gateway.CommandSink;
import io.bourse.gateway.SourceIds;

/**
 * Stands in for the engine's ring in the binary fuzz harness. Every command a session publishes is filled into a slot
 * scribbled over beforehand (so a field the gateway forgets to write shows), then must be a well-formed trading
 * command of the engine's schema, published under the sourceId of the connection being driven, for the account that
 * connection logged on with, and exactly the command its {@link OrderEntryModel} predicts. The ring's answer
 * ({@link #result}: a sequence, {@code BUSY} or {@code FAILED}) is chosen by the harness. A violation is kept, not
 * thrown, because the session would catch it as an unexpected error; the harness checks {@link #failure()} after
 * every read. Single-threaded.
 */
final class ValidatingCommandSink implements CommandSink
{
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[CommandWriter.MAX_COMMAND_LENGTH]);
    private final WireText text = new WireText();
    private FuzzConnection connection;
    private long result;
    private long published;
    private byte scribble = 1;
    private AssertionError failure;

    /** The connection whose inbound bytes are being processed, and what the ring answers meanwhile. */
    void drive(final FuzzConnection connection, final long result)
    {
        this.connection = connection;
        this.result = result;
    }

    void idle()
    {
        connection = null;
    }

    /** Commands filled so far, whatever the ring answered. */
    long published()
    {
        return published;
    }

    /** The first violation, or null. */
    AssertionError failure()
    {
        return failure;
    }

    @Override
    public <A> long tryPublish(final CommandFiller<A> filler, final A arg, final long sourceId)
    {
        if (connection == null)
        {
            return fail("a command was published while no connection was reading");
        }
        slot.setMemory(0, slot.capacity(), scribble++);
        final int length = filler.fill(slot, arg);
        published++;
        final String actual = text.command(slot, length);
        final String expected = connection.model.commands().poll();
        if (!actual.equals(expected))
        {
            return fail("published   " + actual + "\nbut expected " + (expected == null ? "no command" : expected) +
                "\n(model after the whole read: " + connection.model + ")");
        }
        // Covered by the comparison too; said outright because it is the property that matters most.
        final long accountId = WireText.commandAccountId(slot);
        if (sourceId == SourceIds.NO_SOURCE || sourceId != connection.sessionId || accountId != connection.accountId)
        {
            return fail("command for account " + accountId + " under sourceId " + sourceId + " from a session that " +
                "logged on as account " + connection.accountId + " with sessionId " + connection.sessionId);
        }
        return result >= 0 ? published : result;
    }

    private long fail(final String message)
    {
        if (failure == null)
        {
            failure = new AssertionError(message);
        }
        return result;
    }
}
