package io.bourse.engine.differential;

import java.util.List;

import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * Configurations that reach corners {@link TestConfigs#standard()} cannot: a minimum quantity above one lot, zero
 * and extreme fees (so zero-delta balance changes are skipped), a band clamped by the maximum price, a narrow band
 * and a nearly full one.
 */
final class DifferentialConfigs
{
    private DifferentialConfigs()
    {
    }

    /** The named configs the differential tests run besides the standard one. */
    static ExchangeConfig byName(final String name)
    {
        return switch (name)
        {
            case "edge" -> edge();
            case "simple" -> TestConfigs.simple();
            default -> TestConfigs.standard();
        };
    }

    static ExchangeConfig edge()
    {
        return ExchangeConfig.validate(
            List.of(
                new AssetSpec(TestConfigs.BTC, "BTC", 8),
                new AssetSpec(TestConfigs.ETH, "ETH", 8),
                new AssetSpec(TestConfigs.USDT, "USDT", 6)),
            List.of(
                // No fees at all; min 3 lots; max price 1% above the reference, so the band's top is clamped.
                new SymbolSpec(1, "BTC-USDT", TestConfigs.BTC, TestConfigs.USDT, 10_000L, 10_000L, 1L,
                    3L, 1_000_000L, 1_000_000_000_000L, 0, 0, 200, 3_000_000L, 3_030_000L),
                // A taker pays 100%: a selling taker's quote change is zero; narrow 0.5% band.
                new SymbolSpec(2, "ETH-USDT", TestConfigs.ETH, TestConfigs.USDT, 10_000L, 100_000L, 10L,
                    1L, 10_000_000L, 10_000_000_000_000L, 0, 10_000, 50, 200_000L, 100_000_000L),
                // Half the trade to the fee account from the maker; the widest band allowed; min 2 lots.
                new SymbolSpec(3, "ETH-BTC", TestConfigs.ETH, TestConfigs.BTC, 1_000L, 100_000L, 1L,
                    2L, 1_000_000L, 1_000_000_000L, 5_000, 1, 9_999, 5_000L, 1_000_000L)));
    }
}
