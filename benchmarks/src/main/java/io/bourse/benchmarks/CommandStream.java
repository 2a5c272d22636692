package io.bourse.benchmarks;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Pre-encoded commands back to back in one buffer, command {@code i} spanning {@code offset(i)} to
 * {@code offset(i + 1)}, so a benchmark replays them without encoding anything. Appending grows the buffer
 * (setup only); reading allocates nothing. One thread at a time.
 */
public final class CommandStream
{
    private static final int INITIAL_BYTES = 64 * 1024;
    private static final int INITIAL_COMMANDS = 1024;

    private final UnsafeBuffer buffer;
    private int[] offsets;
    private int count;

    public CommandStream()
    {
        this(INITIAL_BYTES, INITIAL_COMMANDS);
    }

    /** A stream sized for about {@code expectedBytes} in {@code expectedCommands} commands (it grows beyond). */
    public CommandStream(final int expectedBytes, final int expectedCommands)
    {
        buffer = new UnsafeBuffer(new byte[Math.max(expectedBytes, 1)]);
        offsets = new int[Math.max(expectedCommands, 1) + 1];
    }

    /** Copies one encoded command to the end of the stream and returns its index. */
    public int append(final DirectBuffer command, final int offset, final int length)
    {
        final int start = offsets[count];
        final int end = start + length;
        if (end > buffer.capacity())
        {
            final long grown = Math.max((long)end, 2L * buffer.capacity());
            if (grown > Integer.MAX_VALUE - 8)
            {
                throw new IllegalStateException("command stream larger than 2 GB");
            }
            buffer.wrap(Arrays.copyOf(buffer.byteArray(), (int)grown));
        }
        if (count + 2 > offsets.length)
        {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        buffer.putBytes(start, command, offset, length);
        offsets[++count] = end;
        return count - 1;
    }

    /** Number of commands. */
    public int size()
    {
        return count;
    }

    /** Bytes of all commands. */
    public int byteLength()
    {
        return offsets[count];
    }

    /** The buffer all commands are in (it is replaced when an append grows it). */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** Offsets of the commands, with the end of the last one at index {@link #size()}; do not modify. */
    public int[] offsets()
    {
        return offsets;
    }

    public int offset(final int index)
    {
        return offsets[index];
    }

    public int length(final int index)
    {
        return offsets[index + 1] - offsets[index];
    }
}
