package io.bourse.persistence.projection;

/**
 * One candle's trades within one batch: OHLC in quote minor units per whole base unit, volumes in minor units. The
 * upsert merges it into the stored candle (keeps the stored open, widens high/low, takes this close, adds volumes),
 * which is right because batches are applied in engine order. One thread.
 */
public final class CandleBar
{
    final int symbolId;
    final CandleInterval interval;
    final long openTimeNs;
    final int baseScale;
    final int quoteScale;
    long openMinor;
    long highMinor;
    long lowMinor;
    long closeMinor;
    long baseVolumeMinor;
    long quoteVolumeMinor;
    long tradeCount;

    CandleBar(final int symbolId, final CandleInterval interval, final long openTimeNs, final int baseScale, final int quoteScale)
    {
        this.symbolId = symbolId;
        this.interval = interval;
        this.openTimeNs = openTimeNs;
        this.baseScale = baseScale;
        this.quoteScale = quoteScale;
    }

    void add(final long priceMinor, final long qtyMinor, final long quoteQtyMinor)
    {
        if (tradeCount == 0)
        {
            openMinor = priceMinor;
            highMinor = priceMinor;
            lowMinor = priceMinor;
        }
        else
        {
            highMinor = Math.max(highMinor, priceMinor);
            lowMinor = Math.min(lowMinor, priceMinor);
        }
        closeMinor = priceMinor;
        // Exact or fail: a batch is far too small to overflow, and a wrong volume must never be written.
        baseVolumeMinor = Math.addExact(baseVolumeMinor, qtyMinor);
        quoteVolumeMinor = Math.addExact(quoteVolumeMinor, quoteQtyMinor);
        tradeCount++;
    }
}
