package io.bourse.gateway.fix.codec;

import io.netty.buffer.ByteBuf;

/**
 * FIX UTCTimestamp ({@code YYYYMMDD-HH:MM:SS[.sss[sss[sss]]]}) to and from epoch time, without java.time on the hot
 * path. Parsing never throws; it returns {@link FixMessage#MISSING} for anything malformed.
 */
public final class FixTime
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private FixTime()
    {
    }

    /** Appends {@code epochMs} as {@code YYYYMMDD-HH:MM:SS.sss}. */
    public static void appendMillis(final StringBuilder out, final long epochMs)
    {
        final long seconds = Math.floorDiv(epochMs, 1000L);
        final int millis = (int)Math.floorMod(epochMs, 1000L);
        final long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        final int secondOfDay = (int)Math.floorMod(seconds, SECONDS_PER_DAY);
        // Civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar.
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long doe = z - era * 146_097;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final int day = (int)(doy - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        pad(out, year, 4);
        pad(out, month, 2);
        pad(out, day, 2);
        out.append('-');
        pad(out, secondOfDay / 3600, 2);
        out.append(':');
        pad(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        pad(out, secondOfDay % 60, 2);
        out.append('.');
        pad(out, millis, 3);
    }

    public static String formatMillis(final long epochMs)
    {
        final StringBuilder out = new StringBuilder(21);
        appendMillis(out, epochMs);
        return out.toString();
    }

    private static void pad(final StringBuilder out, final long value, final int width)
    {
        final String text = Long.toString(value);
        for (int i = text.length(); i < width; i++)
        {
            out.append('0');
        }
        out.append(text);
    }

    /** Parses a UTCTimestamp into epoch nanoseconds, or {@link FixMessage#MISSING}. */
    public static long parseNs(final ByteBuf buf, final int offset, final int length)
    {
        if (length != 17 && length != 21 && length != 24 && length != 27)
        {
            return FixMessage.MISSING;
        }
        final int year = digits(buf, offset, 4);
        final int month = digits(buf, offset + 4, 2);
        final int day = digits(buf, offset + 6, 2);
        final int hour = digits(buf, offset + 9, 2);
        final int minute = digits(buf, offset + 12, 2);
        final int second = digits(buf, offset + 15, 2);
        if (year < 1970 || month < 1 || hour < 0 || minute < 0 || second < 0 ||
            month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 ||
            buf.getByte(offset + 8) != '-' || buf.getByte(offset + 11) != ':' || buf.getByte(offset + 14) != ':')
        {
            return FixMessage.MISSING;
        }
        long fractionNs = 0;
        if (length > 17)
        {
            if (buf.getByte(offset + 17) != '.')
            {
                return FixMessage.MISSING;
            }
            final int fractionDigits = length - 18;
            final int fraction = digits(buf, offset + 18, fractionDigits);
            if (fraction < 0)
            {
                return FixMessage.MISSING;
            }
            fractionNs = fraction * FixDecimal.powerOfTen(9 - fractionDigits);
        }
        final long days = daysFromCivil(year, month, day);
        return ((days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second) * NANOS_PER_SECOND) + fractionNs;
    }

    public static long parseNs(final String text)
    {
        final ByteBuf buf = io.netty.buffer.Unpooled.wrappedBuffer(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return parseNs(buf, 0, buf.readableBytes());
    }

    private static long daysFromCivil(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yoe = y - era * 400;
        final long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Value of {@code count} decimal digits, or -1 (also caps at 9 digits so the int cannot overflow). */
    private static int digits(final ByteBuf buf, final int offset, final int count)
    {
        if (count <= 0 || count > 9)
        {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            final byte b = buf.getByte(offset + i);
            if (b < '0' || b > '9')
            {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }
}
