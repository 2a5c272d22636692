package io.bourse.gateway.fix.codec;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * A flyweight index of the fields of one framed message body: tag, value offset and value length, in wire order,
 * over the receive buffer without copying. {@link #parse} validates the tag=value structure and never throws;
 * getters return sentinels for a missing or malformed value. Valid until the buffer is released; one thread.
 */
public final class FixMessage
{
    /** Returned by the numeric getters for a missing or malformed value. */
    public static final long MISSING = Long.MIN_VALUE;
    public static final int DEFAULT_MAX_FIELDS = 256;
    private static final int MAX_TAG_DIGITS = 9;

    private final int[] tags;
    private final int[] valueOffsets;
    private final int[] valueLengths;
    private ByteBuf buffer;
    private int fieldCount;
    private FixParseError error = FixParseError.NONE;
    private int errorTag;

    public FixMessage()
    {
        this(DEFAULT_MAX_FIELDS);
    }

    public FixMessage(final int maxFields)
    {
        tags = new int[maxFields];
        valueOffsets = new int[maxFields];
        valueLengths = new int[maxFields];
    }

    /**
     * Indexes the body {@code [bodyStart, bodyEnd)} as found by {@link FixFramer}.
     *
     * @return {@link FixParseError#NONE} or the first structural error; {@link #errorTag()} names the tag if known.
     */
    public FixParseError parse(final ByteBuf buffer, final int bodyStart, final int bodyEnd)
    {
        this.buffer = buffer;
        fieldCount = 0;
        errorTag = 0;
        int index = bodyStart;
        while (index < bodyEnd)
        {
            int tag = 0;
            int digits = 0;
            byte b = 0;
            while (index < bodyEnd)
            {
                b = buffer.getByte(index++);
                if (b < '0' || b > '9')
                {
                    break;
                }
                tag = tag * 10 + (b - '0');
                if (++digits > MAX_TAG_DIGITS)
                {
                    return fail(FixParseError.INVALID_TAG, 0);
                }
            }
            if (b != '=' || digits == 0 || tag == 0)
            {
                return fail(FixParseError.INVALID_TAG, 0);
            }
            final int valueStart = index;
            while (index < bodyEnd && buffer.getByte(index) != FixFramer.SOH)
            {
                index++;
            }
            if (index == valueStart || index >= bodyEnd)
            {
                return fail(FixParseError.EMPTY_VALUE, tag);
            }
            if (fieldCount == tags.length)
            {
                return fail(FixParseError.TOO_MANY_FIELDS, tag);
            }
            tags[fieldCount] = tag;
            valueOffsets[fieldCount] = valueStart;
            valueLengths[fieldCount] = index - valueStart;
            fieldCount++;
            index++;
        }
        if (fieldCount == 0 || tags[0] != FixTags.MSG_TYPE)
        {
            return fail(FixParseError.MSG_TYPE_NOT_THIRD, FixTags.MSG_TYPE);
        }
        error = FixParseError.NONE;
        return error;
    }

    private FixParseError fail(final FixParseError error, final int tag)
    {
        this.error = error;
        this.errorTag = tag;
        return error;
    }

    public FixParseError error()
    {
        return error;
    }

    /** The tag of the field that failed to parse, 0 when unknown. */
    public int errorTag()
    {
        return errorTag;
    }

    public int fieldCount()
    {
        return fieldCount;
    }

    public int tagAt(final int index)
    {
        return tags[index];
    }

    /** Index of the first field with this tag, or -1. */
    public int indexOf(final int tag)
    {
        for (int i = 0; i < fieldCount; i++)
        {
            if (tags[i] == tag)
            {
                return i;
            }
        }
        return -1;
    }

    public boolean has(final int tag)
    {
        return indexOf(tag) >= 0;
    }

    /** MsgType(35) when it is one character, else 0 (multi-character types are unsupported here). */
    public char msgTypeChar()
    {
        return valueLengths[0] == 1 ? (char)buffer.getByte(valueOffsets[0]) : 0;
    }

    /** MsgType(35) as a String (allocates). */
    public String msgType()
    {
        return fieldCount == 0 ? "" : valueString(0);
    }

    public int valueLength(final int tag)
    {
        final int i = indexOf(tag);
        return i < 0 ? -1 : valueLengths[i];
    }

    /** A non-negative decimal integer value of at most 18 digits, or {@link #MISSING}. */
    public long getLong(final int tag)
    {
        final int i = indexOf(tag);
        if (i < 0)
        {
            return MISSING;
        }
        final int length = valueLengths[i];
        if (length > 18)
        {
            return MISSING;
        }
        long value = 0;
        for (int j = 0; j < length; j++)
        {
            final byte b = buffer.getByte(valueOffsets[i] + j);
            if (b < '0' || b > '9')
            {
                return MISSING;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** A single-character value, or 0 when missing or longer. */
    public char getChar(final int tag)
    {
        final int i = indexOf(tag);
        return i < 0 || valueLengths[i] != 1 ? 0 : (char)buffer.getByte(valueOffsets[i]);
    }

    /** A Boolean field: true only for "Y". */
    public boolean getFlag(final int tag)
    {
        return getChar(tag) == 'Y';
    }

    /** The value as a String (US-ASCII, allocates), or null when missing. */
    public String getString(final int tag)
    {
        final int i = indexOf(tag);
        return i < 0 ? null : valueString(i);
    }

    /** Whether the value of {@code tag} contains the byte {@code c} (for multiple-value fields such as ExecInst). */
    public boolean valueContains(final int tag, final char c)
    {
        final int i = indexOf(tag);
        if (i < 0)
        {
            return false;
        }
        for (int j = 0; j < valueLengths[i]; j++)
        {
            if (buffer.getByte(valueOffsets[i] + j) == c)
            {
                return true;
            }
        }
        return false;
    }

    /** Decimal value converted exactly to {@code scale} decimal places; see {@link FixDecimal#parse}. */
    public long getScaled(final int tag, final int scale)
    {
        final int i = indexOf(tag);
        return i < 0 ? FixDecimal.INVALID : FixDecimal.parse(buffer, valueOffsets[i], valueLengths[i], scale);
    }

    /** UTCTimestamp value as epoch nanoseconds, or {@link #MISSING}. */
    public long getTimestampNs(final int tag)
    {
        final int i = indexOf(tag);
        return i < 0 ? MISSING : FixTime.parseNs(buffer, valueOffsets[i], valueLengths[i]);
    }

    private String valueString(final int i)
    {
        return buffer.toString(valueOffsets[i], valueLengths[i], StandardCharsets.US_ASCII);
    }
}
