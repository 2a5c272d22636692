package io.bourse.gateway.fix.codec;

import io.netty.buffer.ByteBuf;

/**
 * Finds one complete FIX 4.4 message at the start of the readable bytes of a buffer and validates its framing exactly:
 * {@code 8=FIX.4.4<SOH>9=<len><SOH>}, a body of exactly {@code len} bytes, then {@code 10=<3 digits><SOH>} with the
 * checksum of every byte before it. Never throws on any input; reads only, never moves the reader index. One thread.
 */
public final class FixFramer
{
    /** {@link #frame} result: the bytes so far are a valid prefix; wait for more. */
    public static final int NEED_MORE = 0;
    /** {@link #frame} result: see {@link #error()}. */
    public static final int ERROR = -1;

    public static final byte SOH = 1;
    private static final byte[] BEGIN = "8=FIX.4.4\u00019=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_LENGTH_DIGITS = 7;
    private static final int CHECKSUM_FIELD_LENGTH = 7;

    private final int maxMessageBytes;
    private FixParseError error = FixParseError.NONE;
    private int bodyStart;
    private int bodyEnd;
    private int frameLength;

    /** @param maxMessageBytes the largest whole message accepted, header and trailer included. */
    public FixFramer(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
    }

    /**
     * @return the length of the complete message at {@code buf.readerIndex()}, {@link #NEED_MORE}, or {@link #ERROR}.
     * After a {@link FixParseError#CHECKSUM_MISMATCH} error {@link #frameLength()} still tells how much to skip.
     */
    public int frame(final ByteBuf buf)
    {
        error = FixParseError.NONE;
        frameLength = 0;
        final int start = buf.readerIndex();
        final int end = buf.writerIndex();
        final int available = end - start;

        final int prefix = Math.min(available, BEGIN.length);
        for (int i = 0; i < prefix; i++)
        {
            if (buf.getByte(start + i) != BEGIN[i])
            {
                return fail(FixParseError.BAD_BEGIN_STRING);
            }
        }
        if (available < BEGIN.length)
        {
            return NEED_MORE;
        }

        int index = start + BEGIN.length;
        int bodyLength = 0;
        int digits = 0;
        while (true)
        {
            if (index >= end)
            {
                return available > maxMessageBytes ? fail(FixParseError.MESSAGE_TOO_LARGE) : NEED_MORE;
            }
            final byte b = buf.getByte(index++);
            if (b == SOH)
            {
                break;
            }
            if (b < '0' || b > '9' || ++digits > MAX_LENGTH_DIGITS)
            {
                return fail(FixParseError.BAD_BODY_LENGTH);
            }
            bodyLength = bodyLength * 10 + (b - '0');
        }
        if (digits == 0 || bodyLength == 0)
        {
            return fail(FixParseError.BAD_BODY_LENGTH);
        }

        final int headerLength = index - start;
        if ((long)headerLength + bodyLength + CHECKSUM_FIELD_LENGTH > maxMessageBytes)
        {
            return fail(FixParseError.MESSAGE_TOO_LARGE);
        }
        bodyStart = index;
        bodyEnd = index + bodyLength;
        final int total = headerLength + bodyLength + CHECKSUM_FIELD_LENGTH;
        if (available < total)
        {
            return NEED_MORE;
        }

        if (buf.getByte(bodyEnd - 1) != SOH ||
            buf.getByte(bodyEnd) != '1' || buf.getByte(bodyEnd + 1) != '0' || buf.getByte(bodyEnd + 2) != '=')
        {
            return fail(FixParseError.BAD_BODY_LENGTH);
        }
        int declared = 0;
        for (int i = 3; i < 6; i++)
        {
            final byte b = buf.getByte(bodyEnd + i);
            if (b < '0' || b > '9')
            {
                return fail(FixParseError.BAD_CHECKSUM_FIELD);
            }
            declared = declared * 10 + (b - '0');
        }
        if (buf.getByte(bodyEnd + 6) != SOH)
        {
            return fail(FixParseError.BAD_CHECKSUM_FIELD);
        }

        frameLength = total;
        if (checksum(buf, start, bodyEnd) != declared)
        {
            return fail(FixParseError.CHECKSUM_MISMATCH);
        }
        return total;
    }

    /** Sum of the bytes in {@code [from, to)} modulo 256, as FIX defines CheckSum(10). */
    public static int checksum(final ByteBuf buf, final int from, final int to)
    {
        int sum = 0;
        for (int i = from; i < to; i++)
        {
            sum += buf.getByte(i);
        }
        return sum & 0xFF;
    }

    private int fail(final FixParseError error)
    {
        this.error = error;
        return ERROR;
    }

    public FixParseError error()
    {
        return error;
    }

    /** Absolute index of the first body byte (MsgType) of the last framed message. */
    public int bodyStart()
    {
        return bodyStart;
    }

    /** Absolute index just past the body (where CheckSum starts). */
    public int bodyEnd()
    {
        return bodyEnd;
    }

    /** Length of the last framed message, also set after a checksum mismatch. */
    public int frameLength()
    {
        return frameLength;
    }
}
