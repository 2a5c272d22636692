package io.bourse.persistence.projection;

/**
 * The candle intervals and how an engine time maps to the start of its interval (UTC; weeks start on Monday, like
 * PostgreSQL's {@code date_trunc('week', ...)}).
 */
public enum CandleInterval
{
    M1("1m", 60),
    M5("5m", 5 * 60),
    M15("15m", 15 * 60),
    H1("1h", 3600),
    H4("4h", 4 * 3600),
    D1("1d", 86_400),
    W1("1w", 7 * 86_400);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** 1970-01-01 was a Thursday: the first Monday is 4 days later. */
    private static final long WEEK_ORIGIN_NS = 4 * 86_400 * NANOS_PER_SECOND;
    private static final CandleInterval[] VALUES = values();

    private final String code;
    private final long lengthNs;

    CandleInterval(final String code, final long lengthSeconds)
    {
        this.code = code;
        this.lengthNs = lengthSeconds * NANOS_PER_SECOND;
    }

    /** The code stored in {@code candles.interval}. */
    public String code()
    {
        return code;
    }

    /** Start of the interval that contains {@code engineTimeNs}, in ns since the epoch. */
    public long openTimeNs(final long engineTimeNs)
    {
        final long origin = this == W1 ? WEEK_ORIGIN_NS : 0;
        return Math.floorDiv(engineTimeNs - origin, lengthNs) * lengthNs + origin;
    }

    /** Every interval, shared; do not modify. */
    static CandleInterval[] all()
    {
        return VALUES;
    }
}
