package io.bourse.persistence.projection;

import java.util.Arrays;

import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * Decimal scales by asset and symbol id, from the config the engine ran with: what turns minor units into NUMERIC.
 * Immutable; any thread.
 */
public final class Scales
{
    /** Returned for an id the config does not know. */
    public static final int UNKNOWN = -1;

    private final int[] assetScale = new int[ExchangeConfig.MAX_ID + 1];
    private final int[] baseAssetOfSymbol = new int[ExchangeConfig.MAX_ID + 1];
    private final int[] quoteAssetOfSymbol = new int[ExchangeConfig.MAX_ID + 1];
    private final int maxSymbolId;

    public Scales(final ExchangeConfig config)
    {
        Arrays.fill(assetScale, UNKNOWN);
        for (final AssetSpec asset : config.assets())
        {
            assetScale[asset.id()] = asset.scale();
        }
        int maxId = 0;
        for (final SymbolSpec symbol : config.symbols())
        {
            baseAssetOfSymbol[symbol.id()] = symbol.baseAssetId();
            quoteAssetOfSymbol[symbol.id()] = symbol.quoteAssetId();
            maxId = Math.max(maxId, symbol.id());
        }
        maxSymbolId = maxId;
    }

    /** Scale of the asset, or {@link #UNKNOWN}. */
    public int asset(final int assetId)
    {
        return assetId >= 0 && assetId < assetScale.length ? assetScale[assetId] : UNKNOWN;
    }

    /** Scale of the symbol's base asset (quantities), or {@link #UNKNOWN}. */
    public int base(final int symbolId)
    {
        return symbolId > 0 && symbolId <= maxSymbolId && baseAssetOfSymbol[symbolId] != 0 ?
            assetScale[baseAssetOfSymbol[symbolId]] : UNKNOWN;
    }

    /** Scale of the symbol's quote asset (prices, amounts, fees), or {@link #UNKNOWN}. */
    public int quote(final int symbolId)
    {
        return symbolId > 0 && symbolId <= maxSymbolId && quoteAssetOfSymbol[symbolId] != 0 ?
            assetScale[quoteAssetOfSymbol[symbolId]] : UNKNOWN;
    }

    /** Highest configured symbol id (0 with none). */
    public int maxSymbolId()
    {
        return maxSymbolId;
    }
}
