package io.bourse.benchmarks;

import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * The exchange the benchmarks run: the shipped config/bourse.conf (loaded from the classpath), with the BTC-USDT
 * units the benchmarks price and size orders in taken from it.
 */
public final class BenchmarkConfigs
{
    public static final int BTC = 1;
    public static final int USDT = 3;
    public static final int BTC_USDT = 1;

    private static final ExchangeConfig STANDARD = ConfigLoader.loadDefault();
    private static final SymbolSpec BTC_USDT_SPEC = STANDARD.symbol(BTC_USDT);

    /** BTC-USDT: one tick (0.01 USDT = 10_000 USDT minor units in the shipped config). */
    public static final long BTC_USDT_TICK_MINOR = BTC_USDT_SPEC.tickMinor();
    /** BTC-USDT: one lot (0.0001 BTC = 10_000 satoshi in the shipped config). */
    public static final long BTC_USDT_LOT_MINOR = BTC_USDT_SPEC.lotMinor();
    /** BTC-USDT reference (initial last) price (30,000 USDT in the shipped config). */
    public static final long BTC_USDT_REFERENCE_TICKS = BTC_USDT_SPEC.referencePriceTicks();

    private BenchmarkConfigs()
    {
    }

    /** The shipped configuration: BTC-USDT maker 10 bps, taker 20 bps, band 10%. */
    public static ExchangeConfig standard()
    {
        return STANDARD;
    }
}
