package io.bourse.engine.config;

/**
 * A tradable symbol with every parameter in engine units: prices in ticks, quantities in lots, amounts in minor
 * units. Built and checked by {@link ExchangeConfig#validate}; see docs/semantics.md §1–2 for the meaning of each.
 *
 * @param tickMinor          price tick in wire price units (quote minor units per one whole base unit).
 * @param lotMinor           quantity lot in base minor units.
 * @param quotePerTickLot    quote minor units of one lot at a price of one tick.
 * @param referencePriceTicks the initial last price, the centre of the first price band.
 */
public record SymbolSpec(
    int id,
    String code,
    int baseAssetId,
    int quoteAssetId,
    long tickMinor,
    long lotMinor,
    long quotePerTickLot,
    long minQtyLots,
    long maxQtyLots,
    long maxNotionalMinor,
    int makerFeeBps,
    int takerFeeBps,
    int priceBandBps,
    long referencePriceTicks,
    long maxPriceTicks)
{
    public static final int BPS_DENOMINATOR = 10_000;

    /** The larger of the maker and taker fee: what a buy must hold for, not knowing which it will be. */
    public int maxFeeBps()
    {
        return Math.max(makerFeeBps, takerFeeBps);
    }
}
