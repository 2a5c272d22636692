package io.bourse.engine.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * Reads the HOCON configuration (config/bourse.conf): {@code bourse.assets} and {@code bourse.symbols} in human
 * units become an {@link ExchangeConfig} in engine units, converted exactly or rejected with a
 * {@link ConfigException} that names the key path. Stateless and thread-safe.
 */
public final class ConfigLoader
{
    /** Config path of the asset list. */
    public static final String ASSETS_PATH = "bourse.assets";
    /** Config path of the symbol list. */
    public static final String SYMBOLS_PATH = "bourse.symbols";

    private static final Set<String> ASSET_KEYS = Set.of("id", "code", "scale");
    private static final Set<String> SYMBOL_KEYS = Set.of(
        "id", "code", "base-asset", "quote-asset", "tick-size", "lot-size", "min-qty", "max-qty", "max-notional",
        "max-price", "reference-price", "maker-fee-bps", "taker-fee-bps", "price-band-bps");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ConfigLoader()
    {
    }

    /** Classpath name of the shipped config/bourse.conf, packaged into the engine-core jar. */
    public static final String DEFAULT_RESOURCE = "bourse.conf";

    /** The shipped default configuration (config/bourse.conf, from the classpath), with the usual overrides. */
    public static ExchangeConfig loadDefault()
    {
        return fromConfig(loadDefaultRaw());
    }

    /** The shipped default configuration as a whole, for any module's section, with the usual overrides. */
    public static Config loadDefaultRaw()
    {
        try
        {
            final Config parsed = ConfigFactory.parseResources(
                ConfigLoader.class.getClassLoader(), DEFAULT_RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false));
            return ConfigFactory.defaultOverrides().withFallback(parsed).resolve();
        }
        catch (final com.typesafe.config.ConfigException ex)
        {
            throw wrap("cannot load the default config from the classpath: " + ex.getMessage(), ex);
        }
    }

    /** Loads and validates the assets and symbols of a config file, with system property and environment overrides. */
    public static ExchangeConfig load(final Path file)
    {
        return fromConfig(loadRaw(file));
    }

    /**
     * Parses a config file for any module's section: JVM system properties (-Dbourse.x=y) override the file, and
     * {@code ${?BOURSE_...}} substitutions are resolved from the environment.
     */
    public static Config loadRaw(final Path file)
    {
        try
        {
            final Config parsed = ConfigFactory.parseFile(
                file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
            return ConfigFactory.defaultOverrides().withFallback(parsed).resolve();
        }
        catch (final com.typesafe.config.ConfigException ex)
        {
            throw wrap("cannot load config " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** Builds and validates the assets and symbols of an already parsed config, resolving substitutions first. */
    public static ExchangeConfig fromConfig(final Config config)
    {
        final Config resolved;
        try
        {
            resolved = config.resolve();
        }
        catch (final com.typesafe.config.ConfigException ex)
        {
            throw wrap("cannot resolve config: " + ex.getMessage(), ex);
        }

        final List<AssetSpec> assets = new ArrayList<>();
        final List<ConfigValue> assetValues = list(resolved, ASSETS_PATH);
        for (int i = 0; i < assetValues.size(); i++)
        {
            assets.add(asset(new ConfigEntry(assetValues.get(i), ASSETS_PATH + "[" + i + "]")));
        }
        // Asset rules first: symbol conversion relies on unique codes and scales within 0..18.
        ExchangeConfig.validate(assets, List.of());
        final Map<String, AssetSpec> assetsByCode = new HashMap<>();
        for (final AssetSpec asset : assets)
        {
            assetsByCode.put(asset.code(), asset);
        }

        final List<SymbolSpec> symbols = new ArrayList<>();
        final List<ConfigValue> symbolValues = list(resolved, SYMBOLS_PATH);
        for (int i = 0; i < symbolValues.size(); i++)
        {
            symbols.add(symbol(new ConfigEntry(symbolValues.get(i), SYMBOLS_PATH + "[" + i + "]"), assetsByCode));
        }
        return ExchangeConfig.validate(assets, symbols);
    }

    private static AssetSpec asset(final ConfigEntry entry)
    {
        final String code = entry.string("code");
        entry.label("asset " + code);
        entry.rejectUnknownKeys(ASSET_KEYS);
        return new AssetSpec(entry.integer("id"), code, entry.integer("scale"));
    }

    private static SymbolSpec symbol(final ConfigEntry entry, final Map<String, AssetSpec> assetsByCode)
    {
        final String code = entry.string("code");
        entry.label("symbol " + code);
        entry.rejectUnknownKeys(SYMBOL_KEYS);
        final int id = entry.integer("id");
        final AssetSpec base = assetByCode(entry, "base-asset", assetsByCode);
        final AssetSpec quote = assetByCode(entry, "quote-asset", assetsByCode);

        final BigDecimal tickSize = positiveStep(entry, "tick-size", quote, "quote");
        final BigDecimal lotSize = positiveStep(entry, "lot-size", base, "base");
        final long tickMinor = toLong(entry, "tick-size", minor(tickSize, quote), "quote minor units");
        final long lotMinor = toLong(entry, "lot-size", minor(lotSize, base), "base minor units");
        // Non-integral or zero is left to ExchangeConfig.validate, which names the rule.
        final BigInteger perTickLot = BigInteger.valueOf(tickMinor).multiply(BigInteger.valueOf(lotMinor))
            .divide(BigInteger.TEN.pow(base.scale()));
        final long quotePerTickLot = perTickLot.min(LONG_MAX).longValue();

        final long minQtyLots = steps(entry, "min-qty", lotSize, "lot-size", "lots");
        final long maxQtyLots = steps(entry, "max-qty", lotSize, "lot-size", "lots");

        final BigDecimal maxNotional = entry.decimal("max-notional");
        if (!isWhole(maxNotional.movePointRight(quote.scale())))
        {
            throw entry.error("max-notional", "\"" + maxNotional.toPlainString()
                + "\" has more decimals than quote asset " + quote.code() + " allows (scale " + quote.scale() + ")");
        }
        final long maxNotionalMinor = toLong(entry, "max-notional", minor(maxNotional, quote), "quote minor units");

        final long maxPriceTicks = steps(entry, "max-price", tickSize, "tick-size", "ticks");
        // Prices leave the engine in wire units (ticks x tickMinor), so the highest one must be a long too.
        toLong(entry, "max-price", minor(entry.decimal("max-price"), quote), "quote minor units");
        final long referencePriceTicks = steps(entry, "reference-price", tickSize, "tick-size", "ticks");

        return new SymbolSpec(id, code, base.id(), quote.id(), tickMinor, lotMinor, quotePerTickLot,
            minQtyLots, maxQtyLots, maxNotionalMinor,
            entry.integer("maker-fee-bps"), entry.integer("taker-fee-bps"), entry.integer("price-band-bps"),
            referencePriceTicks, maxPriceTicks);
    }

    private static AssetSpec assetByCode(
        final ConfigEntry entry, final String key, final Map<String, AssetSpec> assetsByCode)
    {
        final String code = entry.string(key);
        final AssetSpec asset = assetsByCode.get(code);
        if (asset == null)
        {
            throw entry.error(key,
                "unknown asset code " + code + "; " + ASSETS_PATH + " has " + new TreeSet<>(assetsByCode.keySet()));
        }
        return asset;
    }

    /** A tick or lot size: positive and a whole number of the asset's minor units. */
    private static BigDecimal positiveStep(
        final ConfigEntry entry, final String key, final AssetSpec asset, final String role)
    {
        final BigDecimal size = entry.decimal(key);
        if (size.signum() <= 0)
        {
            throw entry.error(key, "\"" + size.toPlainString() + "\" must be positive");
        }
        if (!isWhole(size.movePointRight(asset.scale())))
        {
            throw entry.error(key, "\"" + size.toPlainString() + "\" has more decimals than " + role + " asset "
                + asset.code() + " allows (scale " + asset.scale() + ")");
        }
        return size;
    }

    /** The value of {@code key} as a whole number of steps of {@code step} (lots of a quantity, ticks of a price). */
    private static long steps(
        final ConfigEntry entry, final String key, final BigDecimal step, final String stepKey, final String unit)
    {
        final BigDecimal value = entry.decimal(key);
        final BigDecimal[] quotientAndRemainder = value.divideAndRemainder(step);
        if (quotientAndRemainder[1].signum() != 0)
        {
            throw entry.error(key, "\"" + value.toPlainString() + "\" is not a multiple of " + stepKey + " \""
                + step.toPlainString() + "\"");
        }
        return toLong(entry, key, quotientAndRemainder[0].toBigIntegerExact(), unit);
    }

    private static BigInteger minor(final BigDecimal value, final AssetSpec asset)
    {
        return value.movePointRight(asset.scale()).toBigInteger();
    }

    private static boolean isWhole(final BigDecimal value)
    {
        return value.remainder(BigDecimal.ONE).signum() == 0;
    }

    private static long toLong(final ConfigEntry entry, final String key, final BigInteger value, final String unit)
    {
        if (value.bitLength() >= Long.SIZE)
        {
            throw entry.error(key, value + " " + unit + " does not fit in a long; lower it");
        }
        return value.longValue();
    }

    private static List<ConfigValue> list(final Config config, final String path)
    {
        final ConfigValue value;
        try
        {
            value = config.hasPathOrNull(path) && !config.getIsNull(path) ? config.getValue(path) : null;
        }
        catch (final com.typesafe.config.ConfigException ex)
        {
            throw wrap(path + ": " + ex.getMessage(), ex);
        }
        if (value == null)
        {
            throw new ConfigException(path + ": missing (expected a list of objects)");
        }
        if (value.valueType() != ConfigValueType.LIST)
        {
            throw new ConfigException(path + ": must be a list [ { ... }, ... ], got " + value.valueType());
        }
        return (ConfigList)value;
    }

    private static ConfigException wrap(final String message, final Throwable cause)
    {
        return new ConfigException(message, cause);
    }
}
