package io.bourse.engine.book;

import io.bourse.engine.config.SymbolSpec;

/**
 * Everything the engine keeps for one symbol: its spec, the two sides of its book, its pending stops, whether it
 * is halted, and its last trade price (the centre of its price band). Engine thread only.
 */
public final class SymbolBook
{
    public final SymbolSpec spec;
    public final int baseAssetIndex;
    public final int quoteAssetIndex;
    public final BookSide bids = new BookSide(true);
    public final BookSide asks = new BookSide(false);
    /** Buy stops trigger lowest stop price first. */
    public final BookSide buyStops = new BookSide(false);
    /** Sell stops trigger highest stop price first. */
    public final BookSide sellStops = new BookSide(true);
    public boolean halted;
    public long lastPriceTicks;

    public SymbolBook(final SymbolSpec spec, final int baseAssetIndex, final int quoteAssetIndex)
    {
        this.spec = spec;
        this.baseAssetIndex = baseAssetIndex;
        this.quoteAssetIndex = quoteAssetIndex;
        this.lastPriceTicks = spec.referencePriceTicks();
    }

    /** The side an order of {@code side} rests on. */
    public BookSide ownSide(final short side)
    {
        return side == OrderCodes.BUY ? bids : asks;
    }

    /** The side an order of {@code side} trades against. */
    public BookSide oppositeSide(final short side)
    {
        return side == OrderCodes.BUY ? asks : bids;
    }

    /** Lowest price (ticks) the band allows now: docs/semantics.md §2. */
    public long bandLowTicks()
    {
        final long low = ceilDiv(lastPriceTicks * (SymbolSpec.BPS_DENOMINATOR - spec.priceBandBps()), SymbolSpec.BPS_DENOMINATOR);
        return Math.max(1, low);
    }

    /** Highest price (ticks) the band allows now. */
    public long bandHighTicks()
    {
        final long high = lastPriceTicks * (SymbolSpec.BPS_DENOMINATOR + spec.priceBandBps()) / SymbolSpec.BPS_DENOMINATOR;
        return Math.min(spec.maxPriceTicks(), high);
    }

    /** The hold price of a stop-market order: the band around its stop price, on the side that protects it. */
    public long stopProtectiveTicks(final short side, final long stopTicks)
    {
        if (side == OrderCodes.BUY)
        {
            return Math.min(spec.maxPriceTicks(),
                stopTicks * (SymbolSpec.BPS_DENOMINATOR + spec.priceBandBps()) / SymbolSpec.BPS_DENOMINATOR);
        }
        return Math.max(1, ceilDiv(stopTicks * (SymbolSpec.BPS_DENOMINATOR - spec.priceBandBps()), SymbolSpec.BPS_DENOMINATOR));
    }

    /** Quote minor units a buy holds per lot at {@code priceTicks}, fee included (rounded up). */
    public long buyHoldPerLot(final long priceTicks)
    {
        final long perLot = priceTicks * spec.quotePerTickLot();
        return perLot + ceilDiv(perLot * spec.maxFeeBps(), SymbolSpec.BPS_DENOMINATOR);
    }

    /** Fee on {@code costMinor} at {@code feeBps}, rounded up toward the exchange. */
    public static long fee(final long costMinor, final int feeBps)
    {
        return ceilDiv(costMinor * feeBps, SymbolSpec.BPS_DENOMINATOR);
    }

    /** Rounds up; {@code value} non-negative, {@code divisor} positive. */
    public static long ceilDiv(final long value, final long divisor)
    {
        return (value + divisor - 1) / divisor;
    }
}
