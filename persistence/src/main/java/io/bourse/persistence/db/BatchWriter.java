package io.bourse.persistence.db;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.bourse.persistence.projection.Batch;
import io.bourse.persistence.projection.BatchRows;

/**
 * Writes one {@link Batch} and the checkpoint in a single transaction: COPY for ledger_entries, trades and audit_log;
 * COPY into session temp tables then one set-based upsert each for orders, balances and candles. The checkpoint
 * update requires the stored checkpoint to be the one this writer started from, so a second sidecar on the same
 * database fails instead of double-applying. Owns its connection; one thread.
 */
public final class BatchWriter implements AutoCloseable
{
    private static final String CREATE_STAGING = """
        CREATE TEMP TABLE IF NOT EXISTS orders_stage (
            order_id BIGINT, is_new BOOLEAN, account_id BIGINT, symbol_id INTEGER, client_order_id TEXT, side TEXT,
            order_type TEXT, time_in_force TEXT, post_only BOOLEAN, price NUMERIC, stop_price NUMERIC, qty NUMERIC,
            filled_delta NUMERIC, leaves_qty NUMERIC, quote_delta NUMERIC, status TEXT, end_reason TEXT,
            expire_time TIMESTAMPTZ, created_seq BIGINT, created_at TIMESTAMPTZ, updated_seq BIGINT, updated_at TIMESTAMPTZ
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS balances_stage (
            account_id BIGINT, asset_id INTEGER, available NUMERIC, held NUMERIC, updated_seq BIGINT, updated_at TIMESTAMPTZ
        ) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS candles_stage (
            symbol_id INTEGER, interval TEXT, open_time TIMESTAMPTZ, open NUMERIC, high NUMERIC, low NUMERIC, close NUMERIC,
            base_volume NUMERIC, quote_volume NUMERIC, trade_count BIGINT
        ) ON COMMIT DELETE ROWS;
        """;
    private static final String INSERT_NEW_ORDERS = """
        INSERT INTO orders (order_id, account_id, symbol_id, client_order_id, side, order_type, time_in_force, post_only,
            price, stop_price, qty, filled_qty, leaves_qty, filled_quote, status, end_reason, expire_time, created_seq,
            created_at, updated_seq, updated_at)
        SELECT order_id, account_id, symbol_id, client_order_id, side, order_type, time_in_force, post_only, price,
            stop_price, qty, filled_delta, leaves_qty, quote_delta, status, end_reason, expire_time, created_seq, created_at,
            updated_seq, updated_at
        FROM orders_stage WHERE is_new
        """;
    private static final String UPDATE_ORDERS = """
        UPDATE orders o SET
            client_order_id = COALESCE(s.client_order_id, o.client_order_id),
            price = COALESCE(s.price, o.price),
            qty = COALESCE(s.qty, o.qty),
            filled_qty = o.filled_qty + s.filled_delta,
            leaves_qty = COALESCE(s.leaves_qty, o.leaves_qty),
            filled_quote = o.filled_quote + s.quote_delta,
            status = COALESCE(s.status, o.status),
            end_reason = COALESCE(s.end_reason, o.end_reason),
            updated_seq = s.updated_seq,
            updated_at = s.updated_at
        FROM orders_stage s
        WHERE o.order_id = s.order_id AND NOT s.is_new
        """;
    private static final String UPSERT_BALANCES = """
        INSERT INTO balances (account_id, asset_id, available, held, updated_seq, updated_at)
        SELECT account_id, asset_id, available, held, updated_seq, updated_at FROM balances_stage
        ON CONFLICT (account_id, asset_id) DO UPDATE SET available = EXCLUDED.available, held = EXCLUDED.held,
            updated_seq = EXCLUDED.updated_seq, updated_at = EXCLUDED.updated_at
        """;
    // Batches arrive in engine order: the stored candle's open stays, the batch's close wins.
    private static final String UPSERT_CANDLES = """
        INSERT INTO candles (symbol_id, interval, open_time, open, high, low, close, base_volume, quote_volume, trade_count)
        SELECT symbol_id, interval, open_time, open, high, low, close, base_volume, quote_volume, trade_count FROM candles_stage
        ON CONFLICT (symbol_id, interval, open_time) DO UPDATE SET
            high = GREATEST(candles.high, EXCLUDED.high),
            low = LEAST(candles.low, EXCLUDED.low),
            close = EXCLUDED.close,
            base_volume = candles.base_volume + EXCLUDED.base_volume,
            quote_volume = candles.quote_volume + EXCLUDED.quote_volume,
            trade_count = candles.trade_count + EXCLUDED.trade_count
        """;
    private static final String INSERT_ACCOUNT = """
        INSERT INTO accounts (account_id, allow_self_trade, frozen, created_seq, created_at)
        VALUES (?, ?, FALSE, ?, ?::timestamptz)
        """;

    private final Connection connection;
    private final CopyManager copy;
    private final BatchRows rows = new BatchRows();
    private long checkpointSequence;
    private final long[] phaseNs = new long[Phase.values().length];

    /** Where a batch's time goes, for the drain benchmark. */
    public enum Phase
    {
        APPEND_ONLY_COPY, STAGE_COPY, ADMIN, UPSERTS, COMMIT
    }

    /**
     * Prepares {@code connection} (autocommit off, staging tables) to apply batches after {@code checkpointSequence},
     * the sequence the stored checkpoint holds.
     */
    public BatchWriter(final Connection connection, final long checkpointSequence) throws SQLException
    {
        this.connection = connection;
        this.checkpointSequence = checkpointSequence;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement())
        {
            // Safe here: a commit lost in a server crash loses its checkpoint with it, and is re-applied from the journal.
            statement.execute("SET synchronous_commit = off");
            statement.execute(CREATE_STAGING);
        }
        connection.commit();
    }

    /**
     * Applies the batch and moves the checkpoint to its last entry, atomically.
     *
     * @throws SQLException on any failure; the transaction is rolled back (if the connection still allows it) and
     *                      the caller must re-read the checkpoint before trying again.
     */
    public void write(final Batch batch) throws SQLException
    {
        if (batch.lastSequence() <= checkpointSequence)
        {
            throw new IllegalStateException("batch ends at sequence " + batch.lastSequence() +
                ", not after the checkpoint " + checkpointSequence);
        }
        try
        {
            long t0 = System.nanoTime();
            copyIn("COPY ledger_entries (engine_seq, event_index, account_id, asset_id, delta_available, delta_held, " +
                "available, held, reason, reference_id, engine_time) FROM STDIN", rows.ledger(batch));
            copyIn("COPY trades (trade_id, symbol_id, price, qty, quote_qty, aggressor_side, maker_order_id, maker_account_id, " +
                "maker_fee, taker_order_id, taker_account_id, taker_fee, engine_seq, executed_at) FROM STDIN", rows.trades(batch));
            copyIn("COPY audit_log (engine_seq, engine_time, command, account_id, symbol_id, asset_id, amount, reason, " +
                "external_ref, result) FROM STDIN", rows.audit(batch));
            t0 = lap(Phase.APPEND_ONLY_COPY, t0);
            final long stagedOrders = copyIn("COPY orders_stage FROM STDIN", rows.orders(batch));
            final boolean balances = copyIn("COPY balances_stage FROM STDIN", rows.balances(batch)) > 0;
            final boolean candles = copyIn("COPY candles_stage FROM STDIN", rows.candles(batch)) > 0;
            t0 = lap(Phase.STAGE_COPY, t0);
            writeAccountsAndSymbols(batch);
            t0 = lap(Phase.ADMIN, t0);
            upsertAndCheckpoint(batch, stagedOrders, balances, candles);
            t0 = lap(Phase.UPSERTS, t0);
            connection.commit();
            lap(Phase.COMMIT, t0);
            checkpointSequence = batch.lastSequence();
        }
        catch (final SQLException | RuntimeException ex)
        {
            rollbackQuietly(ex);
            throw ex;
        }
    }

    /**
     * Applies the staged orders, balances and candles and moves the checkpoint in one multi-statement round trip,
     * then checks every statement's row count.
     */
    private void upsertAndCheckpoint(final Batch batch, final long stagedOrders, final boolean balances, final boolean candles)
        throws SQLException
    {
        final StringBuilder sql = new StringBuilder(2048);
        if (stagedOrders > 0)
        {
            sql.append(INSERT_NEW_ORDERS).append(";\n").append(UPDATE_ORDERS).append(";\n");
        }
        if (balances)
        {
            sql.append(UPSERT_BALANCES).append(";\n");
        }
        if (candles)
        {
            sql.append(UPSERT_CANDLES).append(";\n");
        }
        // Numbers and an engine-time literal this class formatted itself: nothing user-supplied is spliced in.
        sql.append("UPDATE sidecar_checkpoint SET engine_seq = ").append(batch.lastSequence())
            .append(", journal_index = ").append(batch.lastJournalIndex())
            .append(", engine_time = '").append(rows.lastEngineTime(batch)).append("'::timestamptz")
            .append(" WHERE id = 1 AND engine_seq = ").append(checkpointSequence);
        try (Statement statement = connection.createStatement())
        {
            statement.execute(sql.toString());
            if (stagedOrders > 0)
            {
                final int inserted = statement.getUpdateCount();
                statement.getMoreResults();
                final int updated = statement.getUpdateCount();
                statement.getMoreResults();
                if (inserted + updated != stagedOrders)
                {
                    // An order event for an order never accepted: the database does not match the journal.
                    throw new SQLException("batch " + batch.firstSequence() + ".." + batch.lastSequence() + " changes " +
                        stagedOrders + " orders but only " + (inserted + updated) + " exist", "BO002");
                }
            }
            if (balances)
            {
                statement.getMoreResults();
            }
            if (candles)
            {
                statement.getMoreResults();
            }
            if (statement.getUpdateCount() != 1)
            {
                throw new SQLException("the stored checkpoint is no longer " + checkpointSequence +
                    ": another sidecar is writing to this database", "BO001");
            }
        }
    }

    /** Total time spent in each phase of {@link #write} by this writer, ns. */
    public long phaseNs(final Phase phase)
    {
        return phaseNs[phase.ordinal()];
    }

    private long lap(final Phase phase, final long startNs)
    {
        final long now = System.nanoTime();
        phaseNs[phase.ordinal()] += now - startNs;
        return now;
    }

    /** The sequence of the last entry this writer committed (or started from). */
    public long checkpointSequence()
    {
        return checkpointSequence;
    }

    @Override
    public void close()
    {
        try
        {
            connection.close();
        }
        catch (final SQLException ex)
        {
            // Closing a broken connection: nothing left to release.
        }
    }

    private void writeAccountsAndSymbols(final Batch batch) throws SQLException
    {
        if (rows.hasAccountsCreated(batch))
        {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_ACCOUNT))
            {
                rows.bindAccountsCreated(batch, statement);
                statement.executeBatch();
            }
        }
        if (rows.hasAccountFlags(batch))
        {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE accounts SET frozen = ? WHERE account_id = ?"))
            {
                rows.bindAccountFlags(batch, statement);
                statement.executeBatch();
            }
        }
        if (rows.hasSymbolFlags(batch))
        {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE symbols SET halted = ? WHERE symbol_id = ?"))
            {
                rows.bindSymbolFlags(batch, statement);
                statement.executeBatch();
            }
        }
    }

    private long copyIn(final String sql, final CharSequence text) throws SQLException
    {
        if (text.length() == 0)
        {
            return 0;
        }
        try (Reader reader = new CharSequenceReader(text))
        {
            return copy.copyIn(sql, reader, 1 << 16);
        }
        catch (final IOException ex)
        {
            throw new SQLException("COPY failed: " + ex.getMessage(), "08006", ex);
        }
    }

    private void rollbackQuietly(final Exception cause)
    {
        try
        {
            if (!connection.isClosed())
            {
                connection.rollback();
            }
        }
        catch (final SQLException ex)
        {
            cause.addSuppressed(ex);
        }
    }

    /** A Reader over a StringBuilder without copying it into a String first. */
    private static final class CharSequenceReader extends Reader
    {
        private final CharSequence text;
        private int position;

        CharSequenceReader(final CharSequence text)
        {
            this.text = text;
        }

        @Override
        public int read(final char[] buffer, final int offset, final int length)
        {
            if (position >= text.length())
            {
                return -1;
            }
            final int count = Math.min(length, text.length() - position);
            if (text instanceof StringBuilder builder)
            {
                builder.getChars(position, position + count, buffer, offset);
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = text.charAt(position + i);
                }
            }
            position += count;
            return count;
        }

        @Override
        public void close()
        {
        }
    }
}
