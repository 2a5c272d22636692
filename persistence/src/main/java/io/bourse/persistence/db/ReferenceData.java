package io.bourse.persistence.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;

/**
 * Writes the assets and symbols of the config the engine runs with, and the fee account 0 (which exists before any
 * journal entry). Idempotent; a changed asset scale is refused, since stored amounts were written with the old one.
 */
public final class ReferenceData
{
    private ReferenceData()
    {
    }

    /** Upserts assets, symbols and the fee account in one transaction on {@code connection} (autocommit off). */
    public static void write(final Connection connection, final ExchangeConfig config) throws SQLException
    {
        try (PreparedStatement asset = connection.prepareStatement("""
                INSERT INTO assets (asset_id, code, scale) VALUES (?, ?, ?)
                ON CONFLICT (asset_id) DO UPDATE SET code = EXCLUDED.code WHERE assets.scale = EXCLUDED.scale
                """))
        {
            for (final AssetSpec spec : config.assets())
            {
                asset.setInt(1, spec.id());
                asset.setString(2, spec.code());
                asset.setInt(3, spec.scale());
                if (asset.executeUpdate() != 1)
                {
                    connection.rollback();
                    throw new SQLException("asset " + spec.code() + " (id " + spec.id() + ") is stored with another scale than " +
                        spec.scale() + ": this database belongs to another configuration", "BO003");
                }
            }
        }
        try (PreparedStatement symbol = connection.prepareStatement("""
                INSERT INTO symbols (symbol_id, code, base_asset_id, quote_asset_id, tick_size, lot_size, maker_fee_bps, taker_fee_bps)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (symbol_id) DO UPDATE SET code = EXCLUDED.code, base_asset_id = EXCLUDED.base_asset_id,
                    quote_asset_id = EXCLUDED.quote_asset_id, tick_size = EXCLUDED.tick_size, lot_size = EXCLUDED.lot_size,
                    maker_fee_bps = EXCLUDED.maker_fee_bps, taker_fee_bps = EXCLUDED.taker_fee_bps
                """))
        {
            for (final SymbolSpec spec : config.symbols())
            {
                symbol.setInt(1, spec.id());
                symbol.setString(2, spec.code());
                symbol.setInt(3, spec.baseAssetId());
                symbol.setInt(4, spec.quoteAssetId());
                symbol.setBigDecimal(5, BigDecimal.valueOf(spec.tickMinor(), config.asset(spec.quoteAssetId()).scale()));
                symbol.setBigDecimal(6, BigDecimal.valueOf(spec.lotMinor(), config.asset(spec.baseAssetId()).scale()));
                symbol.setInt(7, spec.makerFeeBps());
                symbol.setInt(8, spec.takerFeeBps());
                symbol.executeUpdate();
            }
        }
        try (PreparedStatement feeAccount = connection.prepareStatement(
            "INSERT INTO accounts (account_id, allow_self_trade) VALUES (0, FALSE) ON CONFLICT (account_id) DO NOTHING"))
        {
            feeAccount.executeUpdate();
        }
        connection.commit();
    }
}
