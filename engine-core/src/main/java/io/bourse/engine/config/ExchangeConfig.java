package io.bourse.engine.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The assets and symbols the engine trades, validated so that no accepted order can overflow a long
 * (docs/semantics.md §2). Immutable; assets and symbols are held in ascending id order.
 */
public final class ExchangeConfig
{
    /** Ids are small so the engine can index arrays by them. */
    public static final int MAX_ID = 65_535;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final List<AssetSpec> assets;
    private final List<SymbolSpec> symbols;

    private ExchangeConfig(final List<AssetSpec> assets, final List<SymbolSpec> symbols)
    {
        this.assets = assets;
        this.symbols = symbols;
    }

    /**
     * Checks every rule and returns the config, or throws {@link ConfigException} naming the first broken one.
     */
    public static ExchangeConfig validate(final List<AssetSpec> assets, final List<SymbolSpec> symbols)
    {
        final List<AssetSpec> sortedAssets = new ArrayList<>(assets);
        sortedAssets.sort(Comparator.comparingInt(AssetSpec::id));
        final List<SymbolSpec> sortedSymbols = new ArrayList<>(symbols);
        sortedSymbols.sort(Comparator.comparingInt(SymbolSpec::id));

        if (sortedAssets.isEmpty())
        {
            throw new ConfigException("no assets configured");
        }
        final Set<String> codes = new HashSet<>();
        for (int i = 0; i < sortedAssets.size(); i++)
        {
            final AssetSpec asset = sortedAssets.get(i);
            check(asset.id() >= 1 && asset.id() <= MAX_ID, "asset " + asset.code() + ": id must be 1.." + MAX_ID);
            check(i == 0 || sortedAssets.get(i - 1).id() != asset.id(), "asset id " + asset.id() + " is used twice");
            check(codes.add(asset.code()), "asset code " + asset.code() + " is used twice");
            check(asset.scale() >= 0 && asset.scale() <= 18, "asset " + asset.code() + ": scale must be 0..18");
        }

        codes.clear();
        for (int i = 0; i < sortedSymbols.size(); i++)
        {
            final SymbolSpec symbol = sortedSymbols.get(i);
            final String name = "symbol " + symbol.code();
            check(symbol.id() >= 1 && symbol.id() <= MAX_ID, name + ": id must be 1.." + MAX_ID);
            check(i == 0 || sortedSymbols.get(i - 1).id() != symbol.id(), "symbol id " + symbol.id() + " is used twice");
            check(codes.add(symbol.code()), "symbol code " + symbol.code() + " is used twice");
            final AssetSpec base = find(sortedAssets, symbol.baseAssetId(), name + ": unknown base asset");
            find(sortedAssets, symbol.quoteAssetId(), name + ": unknown quote asset");
            check(symbol.baseAssetId() != symbol.quoteAssetId(), name + ": base and quote assets must differ");
            check(symbol.tickMinor() > 0, name + ": tick size must be positive");
            check(symbol.lotMinor() > 0, name + ": lot size must be positive");

            final BigInteger tickLot = BigInteger.valueOf(symbol.tickMinor()).multiply(BigInteger.valueOf(symbol.lotMinor()));
            final BigInteger[] perTickLot = tickLot.divideAndRemainder(BigInteger.TEN.pow(base.scale()));
            check(perTickLot[1].signum() == 0 && perTickLot[0].signum() > 0,
                name + ": tick size x lot size must be a whole number of quote minor units (got "
                + tickLot + " / 10^" + base.scale() + ")");
            check(perTickLot[0].compareTo(LONG_MAX) <= 0, name + ": tick size x lot size overflows a long");
            check(perTickLot[0].longValue() == symbol.quotePerTickLot(),
                name + ": quotePerTickLot must be " + perTickLot[0] + ", got " + symbol.quotePerTickLot());

            check(symbol.minQtyLots() >= 1, name + ": min quantity must be at least one lot");
            check(symbol.maxQtyLots() >= symbol.minQtyLots(), name + ": max quantity must be at least min quantity");
            check(symbol.maxNotionalMinor() > 0, name + ": max notional must be positive");
            check(symbol.makerFeeBps() >= 0 && symbol.makerFeeBps() <= SymbolSpec.BPS_DENOMINATOR,
                name + ": maker fee must be 0..10000 bps");
            check(symbol.takerFeeBps() >= 0 && symbol.takerFeeBps() <= SymbolSpec.BPS_DENOMINATOR,
                name + ": taker fee must be 0..10000 bps");
            check(symbol.priceBandBps() >= 1 && symbol.priceBandBps() < SymbolSpec.BPS_DENOMINATOR,
                name + ": price band must be 1..9999 bps");
            check(symbol.maxPriceTicks() >= 1, name + ": max price must be at least one tick");
            check(symbol.referencePriceTicks() >= 1 && symbol.referencePriceTicks() <= symbol.maxPriceTicks(),
                name + ": reference price must be between one tick and the max price");

            // The bounds below are exactly what docs/semantics.md §2 needs: every product the engine forms fits.
            final BigInteger maxPrice = BigInteger.valueOf(symbol.maxPriceTicks());
            final BigInteger bps = BigInteger.valueOf(SymbolSpec.BPS_DENOMINATOR);
            fits(maxPrice.multiply(perTickLot[0]).multiply(bps), name + ": max price x tick-lot value x 10000");
            fits(maxPrice.multiply(BigInteger.valueOf(symbol.maxQtyLots())).multiply(perTickLot[0]),
                name + ": notional at max price and max quantity");
            fits(BigInteger.valueOf(symbol.maxNotionalMinor()).multiply(bps.add(BigInteger.valueOf(symbol.maxFeeBps()))),
                name + ": max notional x (10000 + fee bps)");
            fits(maxPrice.multiply(bps.add(BigInteger.valueOf(symbol.priceBandBps()))),
                name + ": max price x (10000 + band bps)");
            fits(BigInteger.valueOf(symbol.maxQtyLots()).multiply(BigInteger.valueOf(symbol.lotMinor())),
                name + ": max quantity in base minor units");
            fits(maxPrice.multiply(BigInteger.valueOf(symbol.tickMinor())), name + ": max price in wire units (quote minor)");
        }
        return new ExchangeConfig(List.copyOf(sortedAssets), List.copyOf(sortedSymbols));
    }

    /** Assets by ascending id. */
    public List<AssetSpec> assets()
    {
        return assets;
    }

    /** Symbols by ascending id. */
    public List<SymbolSpec> symbols()
    {
        return symbols;
    }

    /** The asset with this id, or null. */
    public AssetSpec asset(final int id)
    {
        for (final AssetSpec asset : assets)
        {
            if (asset.id() == id)
            {
                return asset;
            }
        }
        return null;
    }

    /** The symbol with this id, or null. */
    public SymbolSpec symbol(final int id)
    {
        for (final SymbolSpec symbol : symbols)
        {
            if (symbol.id() == id)
            {
                return symbol;
            }
        }
        return null;
    }

    /** The symbol with this code, or null. */
    public SymbolSpec symbol(final String code)
    {
        for (final SymbolSpec symbol : symbols)
        {
            if (symbol.code().equals(code))
            {
                return symbol;
            }
        }
        return null;
    }

    private static AssetSpec find(final List<AssetSpec> assets, final int id, final String message)
    {
        for (final AssetSpec asset : assets)
        {
            if (asset.id() == id)
            {
                return asset;
            }
        }
        throw new ConfigException(message + " " + id);
    }

    private static void fits(final BigInteger value, final String what)
    {
        check(value.compareTo(LONG_MAX) <= 0, what + " = " + value + " overflows a long; lower the limits");
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new ConfigException(message);
        }
    }
}
