package io.bourse.engine;

import java.util.List;

import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * Configurations for tests, in code so tests do not depend on the config file. {@link #standard()} mirrors
 * config/bourse.conf.
 */
public final class TestConfigs
{
    public static final int BTC = 1;
    public static final int ETH = 2;
    public static final int USDT = 3;
    public static final int USD = 4;

    public static final int BTC_USDT = 1;
    public static final int ETH_USDT = 2;
    public static final int ETH_BTC = 3;

    /** BTC-USDT: one tick is 0.01 USDT = 10_000 USDT minor units; one lot is 0.0001 BTC = 10_000 satoshi. */
    public static final long BTC_USDT_TICK = 10_000L;
    public static final long BTC_USDT_LOT = 10_000L;

    private TestConfigs()
    {
    }

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

    /**
     * A small symbol for hand-computed tests: one base asset (scale 0) and one quote asset (scale 0), tick 1,
     * lot 1, so prices and quantities are plain integers; maker 10 bps, taker 20 bps, band 50%, reference 100.
     */
    public static ExchangeConfig simple()
    {
        return ExchangeConfig.validate(
            List.of(new AssetSpec(1, "BASE", 0), new AssetSpec(2, "QUOTE", 0)),
            List.of(new SymbolSpec(1, "BASE-QUOTE", 1, 2, 1L, 1L, 1L,
                1L, 1_000_000L, 1_000_000_000_000L, 10, 20, 5_000, 100L, 1_000_000L)));
    }
}
