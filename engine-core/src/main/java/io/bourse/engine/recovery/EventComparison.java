package io.bourse.engine.recovery;

import org.agrona.DirectBuffer;

import io.bourse.engine.event.MessageFormatter;
import io.bourse.sbe.MessageHeaderDecoder;

/**
 * Compares the events a re-executed command produced with the events its journal entry recorded, and describes the
 * first difference. Events are SBE messages laid end to end, so they are compared byte for byte, one message at a time.
 */
final class EventComparison
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageFormatter formatter = new MessageFormatter();

    /** Whether both event runs are byte-identical. Allocation-free. */
    boolean same(
        final DirectBuffer journaled, final int journaledOffset, final int journaledLength,
        final DirectBuffer produced, final int producedLength)
    {
        return journaledLength == producedLength && sameBytes(journaled, journaledOffset, produced, 0, producedLength);
    }

    /** Describes the first event that differs: its position, the journaled one and the re-executed one. */
    String firstDifference(
        final DirectBuffer journaled, final int journaledOffset, final int journaledLength,
        final DirectBuffer produced, final int producedLength)
    {
        int j = 0;
        int p = 0;
        int index = 0;
        while (j < journaledLength || p < producedLength)
        {
            final int jLength = j < journaledLength ? messageLength(journaled, journaledOffset + j) : 0;
            final int pLength = p < producedLength ? messageLength(produced, p) : 0;
            if (jLength != pLength || !sameBytes(journaled, journaledOffset + j, produced, p, jLength))
            {
                return "event #" + (index + 1) + " differs: journaled "
                    + (jLength == 0 ? "(none)" : formatter.format(journaled, journaledOffset + j))
                    + ", re-executed " + (pLength == 0 ? "(none)" : formatter.format(produced, p));
            }
            j += jLength;
            p += pLength;
            index++;
        }
        return "events are identical";
    }

    private int messageLength(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        return MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength();
    }

    /** Eight bytes at a time, then the rest: verification must not halve replay speed. */
    private static boolean sameBytes(
        final DirectBuffer a, final int aOffset, final DirectBuffer b, final int bOffset, final int length)
    {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            if (a.getLong(aOffset + i) != b.getLong(bOffset + i))
            {
                return false;
            }
        }
        for (; i < length; i++)
        {
            if (a.getByte(aOffset + i) != b.getByte(bOffset + i))
            {
                return false;
            }
        }
        return true;
    }
}
