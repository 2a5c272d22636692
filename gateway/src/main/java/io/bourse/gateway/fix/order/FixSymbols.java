package io.bourse.gateway.fix.order;

import java.util.HashMap;
import java.util.Map;

import org.agrona.collections.Int2ObjectHashMap;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/** The configured symbols by FIX Symbol(55) code and by engine id, with their asset scales. Immutable after build. */
final class FixSymbols
{
    /** A symbol with the scales its FIX prices (quote asset) and quantities (base asset) are written in. */
    record Entry(SymbolSpec spec, int baseScale, int quoteScale)
    {
    }

    private final Map<String, Entry> byCode = new HashMap<>();
    private final Int2ObjectHashMap<Entry> byId = new Int2ObjectHashMap<>();

    FixSymbols(final ExchangeConfig config)
    {
        for (final SymbolSpec symbol : config.symbols())
        {
            final Entry entry = new Entry(symbol, config.asset(symbol.baseAssetId()).scale(),
                config.asset(symbol.quoteAssetId()).scale());
            byCode.put(symbol.code(), entry);
            byId.put(symbol.id(), entry);
        }
    }

    /** The symbol with this code, or null. */
    Entry byCode(final String code)
    {
        return byCode.get(code);
    }

    /** The symbol with this id, or null. */
    Entry byId(final int id)
    {
        return byId.get(id);
    }
}
