package io.bourse.persistence.projection;

import java.time.LocalDate;

import org.agrona.DirectBuffer;

/**
 * Appends values in PostgreSQL's COPY text format: tab between columns, newline after a row, {@code \N} for NULL.
 * Amounts are written as exact decimals with their asset's scale (never through a float), engine times as UTC
 * timestamps to the microsecond (PostgreSQL's resolution; the nanoseconds are truncated). Stateless apart from
 * a one-day cache; one thread.
 */
public final class CopyText
{
    /** COPY's NULL marker. */
    public static final String NULL = "\\N";
    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long[] POW10 = new long[19];

    static
    {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++)
        {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private long cachedEpochDay = Long.MIN_VALUE;
    private String cachedDate;

    /** Appends {@code minor / 10^scale} exactly, e.g. 12345 at scale 8 as {@code 0.00012345}. */
    public static StringBuilder appendDecimal(final StringBuilder out, final long minor, final int scale)
    {
        if (scale == 0)
        {
            return out.append(minor);
        }
        if (minor == Long.MIN_VALUE)
        {
            return out.append(java.math.BigDecimal.valueOf(minor, scale).toPlainString());
        }
        long magnitude = minor;
        if (minor < 0)
        {
            out.append('-');
            magnitude = -minor;
        }
        final long pow = POW10[scale];
        out.append(magnitude / pow).append('.');
        // pow + fraction is a 1 followed by exactly `scale` digits: drop the 1 to get the zero-padded fraction.
        final int start = out.length();
        out.append(pow + magnitude % pow);
        out.deleteCharAt(start);
        return out;
    }

    /** Appends an amount, or NULL when it is {@code nullValue}. */
    public static StringBuilder appendDecimalOrNull(final StringBuilder out, final long minor, final int scale, final long nullValue)
    {
        return minor == nullValue ? out.append(NULL) : appendDecimal(out, minor, scale);
    }

    /**
     * Appends a fixed-length ASCII field of an SBE message, trailing zero bytes (and spaces, if asked) removed; NULL
     * when nothing is left. Backslashes are escaped for COPY; bytes outside printable ASCII are written as {@code \xHH}
     * text so the stored value stays readable and valid UTF-8.
     */
    public static StringBuilder appendAscii(
        final StringBuilder out, final DirectBuffer buffer, final int offset, final int length, final boolean trimSpaces)
    {
        int end = length;
        while (end > 0)
        {
            final byte b = buffer.getByte(offset + end - 1);
            if (b == 0 || (trimSpaces && b == ' '))
            {
                end--;
            }
            else
            {
                break;
            }
        }
        if (end == 0)
        {
            return out.append(NULL);
        }
        for (int i = 0; i < end; i++)
        {
            final int b = buffer.getByte(offset + i) & 0xFF;
            if (b == '\\')
            {
                out.append("\\\\");
            }
            else if (b >= 0x20 && b < 0x7F)
            {
                out.append((char)b);
            }
            else
            {
                out.append("\\\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
            }
        }
        return out;
    }

    /** The ASCII field as a COPY value (see {@link #appendAscii}); allocates, for rarely written fields. */
    public static String ascii(final DirectBuffer buffer, final int offset, final int length, final boolean trimSpaces)
    {
        return appendAscii(new StringBuilder(length + 8), buffer, offset, length, trimSpaces).toString();
    }

    /** Formats engine time (ns since the epoch) as a UTC timestamp to the microsecond, e.g. {@code 2026-12-01 22:53:17.123456+00}. */
    public String timestamp(final long engineTimeNs)
    {
        final long micros = Math.floorDiv(engineTimeNs, NANOS_PER_MICRO);
        final long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        final long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        if (epochDay != cachedEpochDay)
        {
            cachedDate = LocalDate.ofEpochDay(epochDay).toString();
            cachedEpochDay = epochDay;
        }
        final long secondOfDay = seconds - epochDay * SECONDS_PER_DAY;
        final StringBuilder out = new StringBuilder(32).append(cachedDate).append(' ');
        twoDigits(out, secondOfDay / 3600).append(':');
        twoDigits(out, secondOfDay / 60 % 60).append(':');
        twoDigits(out, secondOfDay % 60).append('.');
        final int start = out.length();
        out.append(MICROS_PER_SECOND + (micros - seconds * MICROS_PER_SECOND));
        out.deleteCharAt(start);
        return out.append("+00").toString();
    }

    private static StringBuilder twoDigits(final StringBuilder out, final long value)
    {
        return out.append((char)('0' + value / 10)).append((char)('0' + value % 10));
    }
}
