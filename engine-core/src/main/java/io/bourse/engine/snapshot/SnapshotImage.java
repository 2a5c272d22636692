package io.bourse.engine.snapshot;

import org.agrona.ExpandableArrayBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.SnapshotCodec;

/**
 * A snapshot file's complete contents, captured in memory on the engine thread so another thread can write it to
 * disk: the engine thread pays for encoding its state, never for I/O.
 */
public final class SnapshotImage
{
    private static final int INITIAL_CAPACITY = 1024 * 1024;

    private final long engineSequence;
    private final long engineTimeNs;
    private final byte[] bytes;
    private final int length;

    private SnapshotImage(final long engineSequence, final long engineTimeNs, final byte[] bytes, final int length)
    {
        this.engineSequence = engineSequence;
        this.engineTimeNs = engineTimeNs;
        this.bytes = bytes;
        this.length = length;
    }

    /**
     * Encodes the engine's state as the snapshot covering {@code engineSequence} (the last command applied, processed
     * at {@code engineTimeNs}). Allocates its own buffer: snapshots are rare.
     */
    public static SnapshotImage capture(final ExchangeEngine engine, final long engineSequence, final long engineTimeNs)
    {
        if (engineSequence <= SnapshotStore.NO_SNAPSHOT)
        {
            throw new IllegalArgumentException("engine sequence must be positive: " + engineSequence);
        }
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(INITIAL_CAPACITY);
        final int payloadLength = SnapshotCodec.write(engine, buffer, SnapshotFileFormat.HEADER_LENGTH);
        SnapshotFileFormat.writeHeader(buffer, engineSequence, engineTimeNs, payloadLength);
        return new SnapshotImage(
            engineSequence, engineTimeNs, buffer.byteArray(), SnapshotFileFormat.HEADER_LENGTH + payloadLength);
    }

    public long engineSequence()
    {
        return engineSequence;
    }

    public long engineTimeNs()
    {
        return engineTimeNs;
    }

    byte[] bytes()
    {
        return bytes;
    }

    /** Bytes of the file. */
    public int length()
    {
        return length;
    }
}
