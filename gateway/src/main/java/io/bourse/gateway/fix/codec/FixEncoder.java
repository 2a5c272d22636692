package io.bourse.gateway.fix.codec;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;

/**
 * Builds one FIX 4.4 message at a time: {@link #begin} with the MsgType, add fields in order, then {@link #writeTo}
 * prefixes BeginString and the exact BodyLength and appends the CheckSum. The body between {@link #markApplication}
 * and the end can be kept ({@link #copyApplicationFields}) and re-framed later ({@link #appendRaw}) for a resend.
 * Reused; one thread.
 */
public final class FixEncoder
{
    private static final byte[] BEGIN = "8=FIX.4.4\u00019=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** {@code YYYYMMDD-HH:MM:SS.sss} */
    private static final int TIMESTAMP_LENGTH = 21;
    private final StringBuilder scratch = new StringBuilder(32);
    private final byte[] cachedTimestamp = new byte[TIMESTAMP_LENGTH];
    private long cachedSecond = Long.MIN_VALUE;
    private byte[] body = new byte[512];
    private int length;
    private int applicationStart;

    /** Starts a message: the body begins with MsgType(35). */
    public FixEncoder begin(final CharSequence msgType)
    {
        length = 0;
        applicationStart = 0;
        return put(FixTags.MSG_TYPE, msgType);
    }

    /** A string value; an empty or null value is left out, as FIX has no empty fields. */
    public FixEncoder put(final int tag, final CharSequence value)
    {
        final int valueLength = value == null ? 0 : value.length();
        if (valueLength == 0)
        {
            return this;
        }
        putTag(tag);
        ensure(valueLength + 1);
        for (int i = 0; i < valueLength; i++)
        {
            final char c = value.charAt(i);
            // SOH or non-ASCII inside a value would corrupt framing: replace rather than emit a broken message.
            body[length++] = c < 0x20 || c > 0x7E ? (byte)'?' : (byte)c;
        }
        body[length++] = FixFramer.SOH;
        return this;
    }

    public FixEncoder put(final int tag, final long value)
    {
        putTag(tag);
        putLong(value);
        ensure(1);
        body[length++] = FixFramer.SOH;
        return this;
    }

    public FixEncoder put(final int tag, final char value)
    {
        putTag(tag);
        ensure(2);
        body[length++] = (byte)value;
        body[length++] = FixFramer.SOH;
        return this;
    }

    /** A decimal of {@code value} units of {@code 10^-scale}, without trailing fractional zeros. */
    public FixEncoder putScaled(final int tag, final long value, final int scale)
    {
        scratch.setLength(0);
        FixDecimal.append(scratch, value, scale);
        return put(tag, scratch);
    }

    /** A UTCTimestamp with milliseconds; the date and time of the current second are formatted once and reused. */
    public FixEncoder putTimestampMs(final int tag, final long epochMs)
    {
        final long second = Math.floorDiv(epochMs, 1000L);
        if (second != cachedSecond)
        {
            scratch.setLength(0);
            FixTime.appendMillis(scratch, second * 1000L);
            for (int i = 0; i < TIMESTAMP_LENGTH; i++)
            {
                cachedTimestamp[i] = (byte)scratch.charAt(i);
            }
            cachedSecond = second;
        }
        final int millis = (int)Math.floorMod(epochMs, 1000L);
        putTag(tag);
        ensure(TIMESTAMP_LENGTH + 1);
        System.arraycopy(cachedTimestamp, 0, body, length, TIMESTAMP_LENGTH - 3);
        length += TIMESTAMP_LENGTH - 3;
        body[length++] = (byte)('0' + millis / 100);
        body[length++] = (byte)('0' + millis / 10 % 10);
        body[length++] = (byte)('0' + millis % 10);
        body[length++] = FixFramer.SOH;
        return this;
    }

    /** Marks where the standard header ends and the application fields begin. */
    public FixEncoder markApplication()
    {
        applicationStart = length;
        return this;
    }

    /** A copy of the fields after {@link #markApplication}, for an outbound store. */
    public byte[] copyApplicationFields()
    {
        return Arrays.copyOfRange(body, applicationStart, length);
    }

    /** Appends fields previously taken with {@link #copyApplicationFields}. */
    public FixEncoder appendRaw(final byte[] fields)
    {
        ensure(fields.length);
        System.arraycopy(fields, 0, body, length, fields.length);
        length += fields.length;
        return this;
    }

    /** Writes the complete message (header, body, trailer) into {@code out}; returns the bytes written. */
    public int writeTo(final ByteBuf out)
    {
        final int start = out.writerIndex();
        out.writeBytes(BEGIN);
        scratch.setLength(0);
        scratch.append(length);
        for (int i = 0; i < scratch.length(); i++)
        {
            out.writeByte(scratch.charAt(i));
        }
        out.writeByte(FixFramer.SOH);
        out.writeBytes(body, 0, length);
        final int checksum = FixFramer.checksum(out, start, out.writerIndex());
        out.writeByte('1').writeByte('0').writeByte('=');
        out.writeByte('0' + checksum / 100).writeByte('0' + checksum / 10 % 10).writeByte('0' + checksum % 10);
        out.writeByte(FixFramer.SOH);
        return out.writerIndex() - start;
    }

    /** An upper bound of {@link #writeTo}'s output, to size a buffer. */
    public int maxFrameLength()
    {
        return BEGIN.length + 8 + length + 7;
    }

    /** The body length so far (what BodyLength(9) will say). */
    public int bodyLength()
    {
        return length;
    }

    private void putTag(final int tag)
    {
        putLong(tag);
        ensure(1);
        body[length++] = '=';
    }

    private void putLong(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            final String text = Long.toString(value);
            ensure(text.length());
            for (int i = 0; i < text.length(); i++)
            {
                body[length++] = (byte)text.charAt(i);
            }
            return;
        }
        ensure(20);
        long abs = value;
        if (value < 0)
        {
            body[length++] = '-';
            abs = -value;
        }
        int digits = 1;
        for (long v = abs / 10; v != 0; v /= 10)
        {
            digits++;
        }
        for (int i = digits - 1; i >= 0; i--)
        {
            body[length + i] = (byte)('0' + abs % 10);
            abs /= 10;
        }
        length += digits;
    }

    private void ensure(final int extra)
    {
        if (length + extra > body.length)
        {
            body = Arrays.copyOf(body, Math.max(body.length * 2, length + extra));
        }
    }
}
