package io.bourse.benchmarks;

import io.bourse.engine.ExchangeView;
import io.bourse.sbe.Side;
import io.bourse.sbe.TimeInForce;

/**
 * The fixture of the micro benchmarks: 1,000 funded accounts and a BTC-USDT book of 1,000 resting orders over
 * 750 price levels on each side (two orders on the 250 levels nearest the touch, one on the rest), bid 29,999.99
 * and ask 30,000.01 around the 30,000 reference price.
 */
public final class MicroBook
{
    public static final int ACCOUNTS = 1_000;
    public static final long MID_TICKS = BenchmarkConfigs.BTC_USDT_REFERENCE_TICKS;
    public static final int LADDER_LEVELS = 750;
    public static final int LADDER_ORDERS = 1_000;
    public static final long LADDER_QTY_LOTS = 10;
    /** 10,000 BTC per account. */
    public static final long BTC_PER_ACCOUNT_MINOR = 1_000_000_000_000L;
    /** 1,000,000,000 USDT per account. */
    public static final long USDT_PER_ACCOUNT_MINOR = 1_000_000_000_000_000L;

    private MicroBook()
    {
    }

    /** A new engine with funded accounts {@code 1..ACCOUNTS} and an empty book. */
    public static EngineDriver fundedExchange()
    {
        final EngineDriver driver = new EngineDriver(BenchmarkConfigs.standard());
        driver.createFundedAccounts(ACCOUNTS, BTC_PER_ACCOUNT_MINOR, USDT_PER_ACCOUNT_MINOR);
        return driver;
    }

    /** A new engine with funded accounts and the standard ladder on both sides of {@link #MID_TICKS}. */
    public static EngineDriver standardBook()
    {
        final EngineDriver driver = fundedExchange();
        restLadder(driver, Side.BUY, MID_TICKS - 1);
        restLadder(driver, Side.SELL, MID_TICKS + 1);
        return driver;
    }

    /**
     * Rests {@link #LADDER_ORDERS} GTC orders on {@link #LADDER_LEVELS} levels going away from {@code bestTicks},
     * the nearest levels first, from accounts taken in turn.
     */
    public static void restLadder(final EngineDriver driver, final Side side, final long bestTicks)
    {
        final long direction = side == Side.BUY ? -1 : 1;
        for (int k = 0; k < LADDER_ORDERS; k++)
        {
            final long priceTicks = bestTicks + direction * (k % LADDER_LEVELS);
            driver.placeLimit(1 + (k % ACCOUNTS), side, TimeInForce.GTC, priceTicks, LADDER_QTY_LOTS, null);
        }
    }

    /** Open orders of the engine (allocates; setup and checks only). */
    public static int openOrderCount(final ExchangeView engine)
    {
        final int[] count = new int[1];
        engine.forEachOpenOrder((orderId, accountId, symbolId, side, orderType, priceMinor, stopPriceMinor, qtyMinor, filledQtyMinor,
            filledQuoteMinor, pendingStop, clientOrderId) -> count[0]++);
        return count[0];
    }

    /** Account of the {@code index}-th order of a batch: spread over all accounts. */
    public static long accountFor(final int index)
    {
        return 1 + (index * 7L) % ACCOUNTS;
    }
}
