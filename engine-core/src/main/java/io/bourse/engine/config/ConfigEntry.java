package io.bourse.engine.config;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * One object of a config list (an asset or a symbol) whose typed getters throw {@link ConfigException} naming the
 * key path, e.g. {@code bourse.symbols[0].tick-size (symbol BTC-USDT): ...}. Used only while loading.
 */
final class ConfigEntry
{
    /** Plain decimals only: an exponent such as 1e999999999 would make exact conversion unbounded. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final ConfigObject object;
    private final Config config;
    private final String path;
    private String label = "";

    ConfigEntry(final ConfigValue value, final String path)
    {
        if (value.valueType() != ConfigValueType.OBJECT)
        {
            throw new ConfigException(path + ": must be an object { ... }, got " + value.valueType());
        }
        this.object = (ConfigObject)value;
        this.config = object.toConfig();
        this.path = path;
    }

    /** Names the entry in later messages once its code is known, e.g. "symbol BTC-USDT". */
    void label(final String label)
    {
        this.label = " (" + label + ")";
    }

    /** Rejects keys outside {@code known}, so a misspelt key is reported instead of silently ignored. */
    void rejectUnknownKeys(final Set<String> known)
    {
        for (final String key : new TreeSet<>(object.keySet()))
        {
            if (!known.contains(key))
            {
                throw error(key, "unknown key; expected one of " + new TreeSet<>(known));
            }
        }
    }

    /** A non-blank string. */
    String string(final String key)
    {
        final ConfigValue value = require(key, "a string");
        if (value.valueType() != ConfigValueType.STRING)
        {
            throw error(key, "must be a string, got " + value.valueType());
        }
        final String text = (String)value.unwrapped();
        if (text.isBlank())
        {
            throw error(key, "must not be blank");
        }
        return text;
    }

    /** A whole number in int range, written as a number or a string (environment overrides are strings). */
    int integer(final String key)
    {
        final String text = scalarText(key, "a whole number");
        if (!INTEGER.matcher(text).matches())
        {
            throw error(key, "\"" + text + "\" is not a whole number");
        }
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw error(key, text + " is out of range");
        }
    }

    /** An exact plain decimal such as "0.01"; its scale is kept as written. */
    BigDecimal decimal(final String key)
    {
        final String text = scalarText(key, "a decimal string like \"0.01\"");
        if (!DECIMAL.matcher(text).matches())
        {
            throw error(key, "\"" + text + "\" is not a plain decimal like \"0.01\"");
        }
        return new BigDecimal(text);
    }

    /** An error about {@code key} of this entry. */
    ConfigException error(final String key, final String problem)
    {
        return new ConfigException(path + "." + key + label + ": " + problem);
    }

    private String scalarText(final String key, final String expected)
    {
        final ConfigValue value = require(key, expected);
        if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER)
        {
            throw error(key, "must be " + expected + ", got " + value.valueType());
        }
        // getString gives a number's text as written, so "0.0100" stays exact.
        return config.getString(ConfigUtil.joinPath(key)).trim();
    }

    private ConfigValue require(final String key, final String expected)
    {
        final ConfigValue value = object.get(key);
        if (value == null || value.valueType() == ConfigValueType.NULL)
        {
            throw error(key, "missing (expected " + expected + ")");
        }
        return value;
    }
}
