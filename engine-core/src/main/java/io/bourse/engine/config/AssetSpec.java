package io.bourse.engine.config;

/**
 * An asset: its stable id (used in commands, events and the journal), code and scale (decimal places of one
 * minor unit: BTC 8, USDT 6, USD 2).
 */
public record AssetSpec(int id, String code, int scale)
{
}
