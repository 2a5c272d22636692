package io.bourse.benchmarks;

import java.util.List;

import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * The exchange the benchmarks run: a copy of engine-core's test-scope {@code TestConfigs.standard()} (which mirrors
 * config/bourse.conf), with the BTC-USDT units the benchmarks price and size orders in.
 */
public final class BenchmarkConfigs
{
    public static final int BTC = 1;
    public static final int ETH = 2;
    public static final int USDT = 3;
    public static final int USD = 4;

    public static final int BTC_USDT = 1;
    public static final int ETH_USDT = 2;
    public static final int ETH_BTC = 3;

    /** BTC-USDT: one tick is 0.01 USDT = 10_000 USDT minor units. */
    public static final long BTC_USDT_TICK_MINOR = 10_000L;
    /** BTC-USDT: one lot is 0.0001 BTC = 10_000 satoshi. */
    public static final long BTC_USDT_LOT_MINOR = 10_000L;
    /** BTC-USDT reference (initial last) price: 30,000 USDT. */
    public static final long BTC_USDT_REFERENCE_TICKS = 3_000_000L;

    private BenchmarkConfigs()
    {
    }

    /** Same assets and symbols as {@code TestConfigs.standard()}: BTC-USDT maker 10 bps, taker 20 bps, band 10%. */
    public static ExchangeConfig standard()
    {
        return ExchangeConfig.validate(
            List.of(
                new AssetSpec(BTC, "BTC", 8),
                new AssetSpec(ETH, "ETH", 8),
                new AssetSpec(USDT, "USDT", 6),
                new AssetSpec(USD, "USD", 2)),
            List.of(
                // tick 0.01 USDT, lot 0.0001 BTC: quotePerTickLot = 10^4 * 10^4 / 10^8 = 1
                new SymbolSpec(BTC_USDT, "BTC-USDT", BTC, USDT, 10_000L, 10_000L, 1L,
                    1L, 10_000_000L, 10_000_000_000_000L, 10, 20, 1_000, 3_000_000L, 1_000_000_000L),
                // tick 0.01 USDT, lot 0.001 ETH: quotePerTickLot = 10^4 * 10^5 / 10^8 = 10
                new SymbolSpec(ETH_USDT, "ETH-USDT", ETH, USDT, 10_000L, 100_000L, 10L,
                    1L, 10_000_000L, 10_000_000_000_000L, 10, 20, 1_000, 200_000L, 100_000_000L),
                // tick 0.00001 BTC, lot 0.001 ETH: quotePerTickLot = 10^3 * 10^5 / 10^8 = 1
                new SymbolSpec(ETH_BTC, "ETH-BTC", ETH, BTC, 1_000L, 100_000L, 1L,
                    1L, 10_000_000L, 100_000_000_000L, 10, 20, 1_000, 5_000L, 1_000_000L)));
    }
}
