package io.bourse.engine.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds small HOCON configs for loader tests: the standard assets and a BTC-USDT symbol with chosen keys replaced
 * or removed.
 */
final class HoconFixture
{
    static final String STANDARD_ASSETS = """
        { id = 1, code = "BTC", scale = 8 }
        { id = 2, code = "ETH", scale = 8 }
        { id = 3, code = "USDT", scale = 6 }
        { id = 4, code = "USD", scale = 2 }
        """;

    private HoconFixture()
    {
    }

    /** BTC-USDT as in config/bourse.conf, with {@code overrides} as key, HOCON literal pairs; a null literal removes the key. */
    static String btcUsdt(final String... overrides)
    {
        final Map<String, String> keys = new LinkedHashMap<>();
        keys.put("id", "1");
        keys.put("code", "\"BTC-USDT\"");
        keys.put("base-asset", "\"BTC\"");
        keys.put("quote-asset", "\"USDT\"");
        keys.put("tick-size", "\"0.01\"");
        keys.put("lot-size", "\"0.0001\"");
        keys.put("min-qty", "\"0.0001\"");
        keys.put("max-qty", "\"1000\"");
        keys.put("max-notional", "\"10000000\"");
        keys.put("max-price", "\"10000000\"");
        keys.put("reference-price", "\"30000\"");
        keys.put("maker-fee-bps", "10");
        keys.put("taker-fee-bps", "20");
        keys.put("price-band-bps", "1000");
        for (int i = 0; i < overrides.length; i += 2)
        {
            if (overrides[i + 1] == null)
            {
                keys.remove(overrides[i]);
            }
            else
            {
                keys.put(overrides[i], overrides[i + 1]);
            }
        }
        final StringBuilder hocon = new StringBuilder("{");
        keys.forEach((key, literal) -> hocon.append('\n').append(key).append(" = ").append(literal));
        return hocon.append("\n}\n").toString();
    }

    /** A whole config: the standard assets and the given symbol objects. */
    static String withSymbols(final String... symbols)
    {
        return withAssetsAndSymbols(STANDARD_ASSETS, symbols);
    }

    /** A whole config from the text inside the assets list and the given symbol objects. */
    static String withAssetsAndSymbols(final String assets, final String... symbols)
    {
        return "bourse {\nassets = [\n" + assets + "]\nsymbols = [\n" + String.join("\n", symbols) + "]\n}\n";
    }

    /** A quoted HOCON string literal. */
    static String q(final String text)
    {
        return "\"" + text + "\"";
    }
}
