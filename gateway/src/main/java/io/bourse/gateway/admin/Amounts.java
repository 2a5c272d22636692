package io.bourse.gateway.admin;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Converts amounts between human decimal text ("1.5" BTC) and minor units (150000000) using the asset's scale, exactly:
 * text with more decimals than the scale, an exponent, a sign or a value beyond a long is refused, never rounded.
 * Stateless.
 */
public final class Amounts
{
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]{1,30}(\\.[0-9]{1,30})?");

    private Amounts()
    {
    }

    /**
     * @return the amount in minor units.
     * @throws IllegalArgumentException naming the problem.
     */
    public static long toMinor(final String text, final int scale)
    {
        if (text == null || !PLAIN_DECIMAL.matcher(text).matches())
        {
            throw new IllegalArgumentException("amount must be a plain positive decimal string like \"1.25\": " + text);
        }
        final BigDecimal minor = new BigDecimal(text).movePointRight(scale);
        if (minor.stripTrailingZeros().scale() > 0)
        {
            throw new IllegalArgumentException("amount " + text + " has more than " + scale + " decimals");
        }
        try
        {
            return minor.longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException("amount " + text + " is too large");
        }
    }

    /** Minor units as decimal text with exactly {@code scale} decimals. */
    public static String toText(final long minor, final int scale)
    {
        return BigDecimal.valueOf(minor, scale).toPlainString();
    }
}
