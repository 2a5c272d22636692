package io.bourse.engine.pipeline;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.snapshot.SnapshotImage;

/**
 * One preallocated ring entry, overwritten in place: the command bytes written by a publisher, then the engine sequence,
 * engine time and events written by the engine stage, then the journal index written by the journal stage. Each field
 * is written by one stage and read by later stages only, ordered by the ring's sequences.
 */
public final class CommandSlot
{
    /** {@link #journalIndex()} when the entry was not journaled (pipeline failed, or an empty slot). */
    public static final long NOT_JOURNALED = -1;
    /** {@link #engineSequence()} when the engine did not process the entry. */
    public static final long NO_SEQUENCE = 0;
    private static final int INITIAL_EVENTS_CAPACITY = 4 * 1024;

    private final UnsafeBuffer commandBuffer = new UnsafeBuffer(new byte[CommandWriter.MAX_COMMAND_LENGTH]);
    /**
     * Sized for an ordinary command (a taker with a few fills is ~2 KB of events); a larger one grows this slot's log
     * once and keeps it. A ring of 16K slots then holds ~70 MB instead of the 1 GB a 64 KB default would take.
     */
    private final EventLog events = new EventLog(INITIAL_EVENTS_CAPACITY);
    int commandLength;
    long sourceId;
    EngineTask task;
    SnapshotImage snapshot;
    long engineSequence = NO_SEQUENCE;
    long engineTimeNs;
    long journalIndex = NOT_JOURNALED;

    /** The command bytes, from offset 0; publishers write here. */
    public MutableDirectBuffer commandBuffer()
    {
        return commandBuffer;
    }

    public DirectBuffer command()
    {
        return commandBuffer;
    }

    public int commandLength()
    {
        return commandLength;
    }

    /** Who published the command (a gateway session id, say), for routing replies; 0 when nobody in particular. */
    public long sourceId()
    {
        return sourceId;
    }

    /** The engine sequence (1, 2, ...) stamped by the engine stage, {@link #NO_SEQUENCE} if not processed. */
    public long engineSequence()
    {
        return engineSequence;
    }

    /** The engine time in epoch nanoseconds, read once for this command by the engine stage. */
    public long engineTimeNs()
    {
        return engineTimeNs;
    }

    /** The events the engine produced for this command; reset by the engine stage before each command. */
    public EventLog events()
    {
        return events;
    }

    /** The Chronicle index of this entry's journal document, {@link #NOT_JOURNALED} if it was not journaled. */
    public long journalIndex()
    {
        return journalIndex;
    }
}
