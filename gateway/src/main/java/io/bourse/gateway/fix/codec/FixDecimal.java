package io.bourse.gateway.fix.codec;

import io.netty.buffer.ByteBuf;

/**
 * Exact conversion between FIX decimal strings ("30000.01", "-1.5", "0.00010000") and longs of minor units at a scale.
 * A value with more significant decimals than the scale, an exponent, a '+', no digits or an overflow is
 * {@link #INVALID}: never rounded. Negative values are returned as such so the caller can reject them by name.
 */
public final class FixDecimal
{
    public static final long INVALID = Long.MIN_VALUE;
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private FixDecimal()
    {
    }

    public static long powerOfTen(final int exponent)
    {
        return POWERS_OF_TEN[exponent];
    }

    /** Parses {@code length} bytes at {@code offset} into units of {@code 10^-scale}, or {@link #INVALID}. */
    public static long parse(final ByteBuf buffer, final int offset, final int length, final int scale)
    {
        if (length <= 0 || scale < 0 || scale > 18)
        {
            return INVALID;
        }
        int index = offset;
        final int end = offset + length;
        boolean negative = false;
        if (buffer.getByte(index) == '-')
        {
            negative = true;
            index++;
        }
        long value = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; index < end; index++)
        {
            final byte b = buffer.getByte(index);
            if (b == '.')
            {
                if (point)
                {
                    return INVALID;
                }
                point = true;
                continue;
            }
            if (b < '0' || b > '9')
            {
                return INVALID;
            }
            digits++;
            if (point)
            {
                if (++fractionDigits > scale)
                {
                    if (b != '0')
                    {
                        return INVALID;
                    }
                    continue;
                }
            }
            final int digit = b - '0';
            if (value > (Long.MAX_VALUE - digit) / 10)
            {
                return INVALID;
            }
            value = value * 10 + digit;
        }
        if (digits == 0)
        {
            return INVALID;
        }
        final int missing = scale - Math.min(fractionDigits, scale);
        final long multiplier = POWERS_OF_TEN[missing];
        if (value > Long.MAX_VALUE / multiplier)
        {
            return INVALID;
        }
        value *= multiplier;
        return negative ? -value : value;
    }

    /** Parses a String (tests, client library). */
    public static long parse(final String text, final int scale)
    {
        final ByteBuf buf = io.netty.buffer.Unpooled.wrappedBuffer(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return parse(buf, 0, buf.readableBytes(), scale);
    }

    /** Writes {@code value} units of {@code 10^-scale} as a plain decimal without trailing fractional zeros. */
    public static void append(final StringBuilder out, final long value, final int scale)
    {
        if (value == Long.MIN_VALUE)
        {
            out.append(new java.math.BigDecimal(value).movePointLeft(scale).stripTrailingZeros().toPlainString());
            return;
        }
        long abs = value;
        if (value < 0)
        {
            out.append('-');
            abs = -value;
        }
        final long unit = POWERS_OF_TEN[scale];
        out.append(abs / unit);
        long fraction = abs % unit;
        if (fraction != 0)
        {
            int digits = scale;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            out.append('.');
            final String text = Long.toString(fraction);
            for (int i = text.length(); i < digits; i++)
            {
                out.append('0');
            }
            out.append(text);
        }
    }

    public static String toString(final long value, final int scale)
    {
        final StringBuilder out = new StringBuilder(24);
        append(out, value, scale);
        return out.toString();
    }
}
