package io.bourse.engine.behaviour;

import java.util.List;

import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * Configurations for behaviour tests. All use asset 1 as base and asset 2 as quote of symbol 1, both of scale 0,
 * so wire prices and quantities are plain integers.
 */
final class BehaviourConfigs
{
    /** Base asset of {@link #twoSymbols()}'s symbol 2. */
    static final int OTHER_BASE = 3;
    static final int OTHER_SYMBOL = 2;

    private BehaviourConfigs()
    {
    }

    /**
     * {@link TestConfigs#simple()}: tick 1, lot 1 (quotePerTickLot 1), min 1 lot, maker 10 bps, taker 20 bps,
     * band 5000 bps around the reference 100 (band [50, 150]). For every price p ≤ 500,
     * holdPerLot(p) = p + ceilDiv(p * 20, 10000) = p + 1.
     */
    static ExchangeConfig simple()
    {
        return TestConfigs.simple();
    }

    /** As {@link #simple()} with maker and taker fees 0, so holdPerLot(p) = p. */
    static ExchangeConfig zeroFee()
    {
        return ExchangeConfig.validate(
            List.of(new AssetSpec(1, "BASE", 0), new AssetSpec(2, "QUOTE", 0)),
            List.of(new SymbolSpec(1, "BASE-QUOTE", 1, 2, 1L, 1L, 1L,
                1L, 1_000_000L, 1_000_000_000_000L, 0, 0, 5_000, 100L, 1_000_000L)));
    }

    /** As {@link #simple()} plus symbol 2, OTHER-QUOTE (asset 3 against asset 2), with the same parameters. */
    static ExchangeConfig twoSymbols()
    {
        return ExchangeConfig.validate(
            List.of(new AssetSpec(1, "BASE", 0), new AssetSpec(2, "QUOTE", 0), new AssetSpec(OTHER_BASE, "OTHER", 0)),
            List.of(
                new SymbolSpec(1, "BASE-QUOTE", 1, 2, 1L, 1L, 1L,
                    1L, 1_000_000L, 1_000_000_000_000L, 10, 20, 5_000, 100L, 1_000_000L),
                new SymbolSpec(OTHER_SYMBOL, "OTHER-QUOTE", OTHER_BASE, 2, 1L, 1L, 1L,
                    1L, 1_000_000L, 1_000_000_000_000L, 10, 20, 5_000, 100L, 1_000_000L)));
    }

    /**
     * A symbol where every quantity and price check can fail: tick 5, lot 10 (quotePerTickLot = 5 * 10 / 10^0 = 50),
     * min 2 lots (20), max 100 lots (1000), max notional 50_000, maker 10 / taker 20 bps, band 1000 bps around
     * 20 ticks (wire 100): bandLow = ceilDiv(20 * 9000, 10000) = 18 ticks (wire 90), bandHigh = floor(20 * 11000 /
     * 10000) = 22 ticks (wire 110). holdPerLot(p) = 50p + ceilDiv(50p * 20, 10000): p=18 → 902, p=20 → 1002,
     * p=21 → 1053, p=22 → 1103.
     */
    static ExchangeConfig strict()
    {
        return ExchangeConfig.validate(
            List.of(new AssetSpec(1, "BASE", 0), new AssetSpec(2, "QUOTE", 0)),
            List.of(new SymbolSpec(1, "BASE-QUOTE", 1, 2, 5L, 10L, 50L,
                2L, 100L, 50_000L, 10, 20, 1_000, 20L, 1_000L)));
    }
}
