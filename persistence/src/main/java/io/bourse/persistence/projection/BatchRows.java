package io.bourse.persistence.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Renders a {@link Batch} for the writer: COPY text per table (the append-only ones are already text; orders,
 * balances and candles are rendered from their last state here, in the column order of their staging tables) and
 * the parameters of the few admin-change statements. Reuses its buffers; one thread.
 */
public final class BatchRows
{
    private final CopyText copyText = new CopyText();
    private final StringBuilder orders = new StringBuilder(1 << 18);
    private final StringBuilder balances = new StringBuilder(1 << 16);
    private final StringBuilder candles = new StringBuilder(1 << 14);

    public CharSequence ledger(final Batch batch)
    {
        return batch.ledgerRows;
    }

    public CharSequence trades(final Batch batch)
    {
        return batch.tradeRows;
    }

    public CharSequence audit(final Batch batch)
    {
        return batch.auditRows;
    }

    /** The engine time of the batch's last entry, as a timestamp literal. */
    public String lastEngineTime(final Batch batch)
    {
        return batch.lastEngineTime;
    }

    /** Rows of orders_stage: new orders in full, other orders as changed fields and fill deltas. */
    public CharSequence orders(final Batch batch)
    {
        final StringBuilder out = orders;
        out.setLength(0);
        for (final OrderChange change : batch.orderList)
        {
            final int base = change.baseScale;
            final int quote = change.quoteScale;
            out.append(change.orderId).append('\t').append(change.isNew ? 't' : 'f').append('\t');
            if (change.isNew)
            {
                out.append(change.accountId).append('\t').append(change.symbolId).append('\t')
                    .append(change.clientOrderId).append('\t').append(change.side).append('\t')
                    .append(change.orderType).append('\t').append(change.timeInForce).append('\t')
                    .append(change.postOnly ? 't' : 'f').append('\t');
            }
            else
            {
                out.append("\\N\t\\N\t");
                out.append(change.clientOrderId == null ? CopyText.NULL : change.clientOrderId).append('\t');
                out.append("\\N\t\\N\t\\N\t\\N\t");
            }
            CopyText.appendDecimalOrNull(out, change.priceMinor, quote, OrderChange.UNCHANGED).append('\t');
            CopyText.appendDecimalOrNull(out, change.stopPriceMinor, quote, OrderChange.UNCHANGED).append('\t');
            CopyText.appendDecimalOrNull(out, change.qtyMinor, base, OrderChange.UNCHANGED).append('\t');
            CopyText.appendDecimal(out, change.filledDeltaMinor, base).append('\t');
            CopyText.appendDecimalOrNull(out, change.leavesMinor, base, OrderChange.UNCHANGED).append('\t');
            CopyText.appendDecimal(out, change.quoteDeltaMinor, quote).append('\t');
            out.append(change.status == null ? CopyText.NULL : change.status).append('\t');
            out.append(change.endReason == null ? CopyText.NULL : change.endReason).append('\t');
            if (change.isNew)
            {
                out.append(change.expireTimeNs == OrderChange.UNCHANGED ? CopyText.NULL : copyText.timestamp(change.expireTimeNs))
                    .append('\t').append(change.createdSeq).append('\t').append(change.createdAt).append('\t');
            }
            else
            {
                out.append("\\N\t\\N\t\\N\t");
            }
            out.append(change.updatedSeq).append('\t').append(change.updatedAt).append('\n');
        }
        return out;
    }

    /** Rows of balances_stage: the last balance of every account and asset the batch moved. */
    public CharSequence balances(final Batch batch)
    {
        final StringBuilder out = balances;
        out.setLength(0);
        for (final Map.Entry<Batch.BalanceKey, Batch.BalanceRow> entry : batch.balances.entrySet())
        {
            final Batch.BalanceRow row = entry.getValue();
            out.append(entry.getKey().accountId()).append('\t').append(entry.getKey().assetId()).append('\t');
            CopyText.appendDecimal(out, row.availableMinor, row.scale).append('\t');
            CopyText.appendDecimal(out, row.heldMinor, row.scale).append('\t');
            out.append(row.seq).append('\t').append(row.time).append('\n');
        }
        return out;
    }

    /** Rows of candles_stage: each candle's trades within the batch. */
    public CharSequence candles(final Batch batch)
    {
        final StringBuilder out = candles;
        out.setLength(0);
        for (final CandleBar bar : batch.candles)
        {
            out.append(bar.symbolId).append('\t').append(bar.interval.code()).append('\t')
                .append(copyText.timestamp(bar.openTimeNs)).append('\t');
            CopyText.appendDecimal(out, bar.openMinor, bar.quoteScale).append('\t');
            CopyText.appendDecimal(out, bar.highMinor, bar.quoteScale).append('\t');
            CopyText.appendDecimal(out, bar.lowMinor, bar.quoteScale).append('\t');
            CopyText.appendDecimal(out, bar.closeMinor, bar.quoteScale).append('\t');
            CopyText.appendDecimal(out, bar.baseVolumeMinor, bar.baseScale).append('\t');
            CopyText.appendDecimal(out, bar.quoteVolumeMinor, bar.quoteScale).append('\t');
            out.append(bar.tradeCount).append('\n');
        }
        return out;
    }

    public boolean hasAccountsCreated(final Batch batch)
    {
        return !batch.accountsCreated.isEmpty();
    }

    /** Binds (account_id, allow_self_trade, created_seq, created_at) per AccountCreated and adds each to the batch. */
    public void bindAccountsCreated(final Batch batch, final PreparedStatement statement) throws SQLException
    {
        for (final Batch.AccountCreated created : batch.accountsCreated)
        {
            statement.setLong(1, created.accountId());
            statement.setBoolean(2, created.allowSelfTrade());
            statement.setLong(3, created.seq());
            statement.setString(4, created.time());
            statement.addBatch();
        }
    }

    public boolean hasAccountFlags(final Batch batch)
    {
        return !batch.accountFrozen.isEmpty();
    }

    /** Binds (frozen, account_id) per freeze or unfreeze, in engine order. */
    public void bindAccountFlags(final Batch batch, final PreparedStatement statement) throws SQLException
    {
        bindFlags(batch.accountFrozen, statement);
    }

    public boolean hasSymbolFlags(final Batch batch)
    {
        return !batch.symbolHalted.isEmpty();
    }

    /** Binds (halted, symbol_id) per halt or resume, in engine order. */
    public void bindSymbolFlags(final Batch batch, final PreparedStatement statement) throws SQLException
    {
        bindFlags(batch.symbolHalted, statement);
    }

    private static void bindFlags(final java.util.List<Batch.Flag> flags, final PreparedStatement statement) throws SQLException
    {
        for (final Batch.Flag flag : flags)
        {
            statement.setBoolean(1, flag.value());
            statement.setLong(2, flag.id());
            statement.addBatch();
        }
    }
}
