package io.bourse.engine.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One decoded, checksum-verified journal entry: a flyweight over the reader's copy of the document, valid until the
 * reader's next call. The command is one SBE message (header included); the events are SBE messages back to back.
 * Owned by the reader's thread.
 */
public final class JournalEntryView
{
    /** No entry: engine sequences start at 1. */
    public static final long NO_SEQUENCE = 0;
    /** No Chronicle index (Chronicle never uses -1 as an index). */
    public static final long NO_INDEX = -1;

    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private long engineSequence = NO_SEQUENCE;
    private long engineTimeNs;
    private int eventCount;
    private int commandOffset;
    private int commandLength;
    private int eventsOffset;
    private int eventsLength;
    private long chronicleIndex = NO_INDEX;

    void set(
        final byte[] bytes,
        final long engineSequence,
        final long engineTimeNs,
        final int eventCount,
        final int commandOffset,
        final int commandLength,
        final int eventsOffset,
        final int eventsLength,
        final long chronicleIndex)
    {
        if (buffer.byteArray() != bytes)
        {
            buffer.wrap(bytes);
        }
        this.engineSequence = engineSequence;
        this.engineTimeNs = engineTimeNs;
        this.eventCount = eventCount;
        this.commandOffset = commandOffset;
        this.commandLength = commandLength;
        this.eventsOffset = eventsOffset;
        this.eventsLength = eventsLength;
        this.chronicleIndex = chronicleIndex;
    }

    /** The engine sequence of the command, 1 for the first command ever processed. */
    public long engineSequence()
    {
        return engineSequence;
    }

    /** The engine time the command was processed with, ns since the epoch. */
    public long engineTimeNs()
    {
        return engineTimeNs;
    }

    /** Number of events in {@link #eventsBuffer()}. */
    public int eventCount()
    {
        return eventCount;
    }

    /** Holds the command from {@link #commandOffset()} for {@link #commandLength()} bytes. */
    public DirectBuffer commandBuffer()
    {
        return buffer;
    }

    public int commandOffset()
    {
        return commandOffset;
    }

    public int commandLength()
    {
        return commandLength;
    }

    /** Holds the events from {@link #eventsOffset()} for {@link #eventsLength()} bytes. */
    public DirectBuffer eventsBuffer()
    {
        return buffer;
    }

    public int eventsOffset()
    {
        return eventsOffset;
    }

    public int eventsLength()
    {
        return eventsLength;
    }

    /** The Chronicle Queue index of the document: what a consumer checkpoints to resume exactly here. */
    public long chronicleIndex()
    {
        return chronicleIndex;
    }
}
