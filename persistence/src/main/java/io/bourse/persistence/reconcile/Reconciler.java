package io.bourse.persistence.reconcile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.config.AssetSpec;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.persistence.db.Checkpoint;

/**
 * Compares what PostgreSQL holds with the engine's state at the sidecar's checkpoint, rebuilt from the journal:
 * balances per account and asset, ledger sums against balances, each balance's last ledger row, trade count and
 * volume per symbol, candle trade counts, asset totals against deposits minus withdrawals, and open orders. Reads
 * only; one thread.
 */
public final class Reconciler
{
    private final ExchangeConfig config;
    private final Path journalDir;
    private final Path snapshotDir;

    /** @param snapshotDir snapshots to start the replay from, or null to replay the whole journal. */
    public Reconciler(final ExchangeConfig config, final Path journalDir, final Path snapshotDir)
    {
        this.config = config;
        this.journalDir = journalDir;
        this.snapshotDir = snapshotDir;
    }

    public ReconcileReport reconcile(final Connection connection) throws SQLException, IOException
    {
        final ReconcileReport report = new ReconcileReport();
        final Checkpoint checkpoint = Checkpoint.read(connection);
        final long startNs = System.nanoTime();
        final JournalTruth truth = JournalTruth.build(config, journalDir, snapshotDir, checkpoint.engineSequence());
        report.note("database checkpoint: engine sequence " + checkpoint.engineSequence() + "; engine state rebuilt from " +
            (truth.snapshotSequence > 0 ? "the snapshot at sequence " + truth.snapshotSequence + " and " : "") +
            "the journal up to sequence " + truth.lastSequence + " in " + (System.nanoTime() - startNs) / 1_000_000 + " ms");

        final ReconcileReport.Check coverage = report.check("journal reaches the database checkpoint");
        coverage.compared();
        if (truth.lastSequence != checkpoint.engineSequence())
        {
            coverage.mismatch("journal ends at sequence " + truth.lastSequence + ", the database has applied up to " +
                checkpoint.engineSequence());
        }
        final ReconcileReport.Check replay = report.check("re-executed commands reproduce the journaled events");
        replay.compared();
        if (truth.divergentEntries > 0)
        {
            replay.mismatch(truth.divergentEntries + " entries differ, the first at sequence " + truth.firstDivergentSequence);
        }

        final Handle handle = Jdbi.create(connection).open();
        final Map<Long, Map<Integer, long[]>> stored = balances(handle);
        checkBalances(report.check("balances per account and asset equal the engine's"), truth.engine, stored);
        checkLedgerSums(report.check("ledger sums per account and asset equal balances"), handle, stored);
        checkLedgerTail(report.check("last ledger row per account and asset equals balances"), handle, stored);
        checkTrades(report.check("trade count and volume per symbol equal the journal's"), handle, truth);
        checkCandles(report.check("candle trade counts and volumes per symbol and interval equal the trades'"), handle);
        checkTotals(report.check("asset totals equal deposits minus withdrawals"), stored, truth);
        checkOpenOrders(report.check("open orders equal the engine's"), handle, truth.engine);
        return report;
    }

    private Map<Long, Map<Integer, long[]>> balances(final Handle handle)
    {
        final Map<Long, Map<Integer, long[]>> balances = new HashMap<>();
        handle.createQuery("SELECT account_id, asset_id, available, held FROM balances").map((rs, ctx) ->
        {
            final int assetId = rs.getInt(2);
            balances.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                .put(assetId, new long[] {minor(rs, 3, assetId), minor(rs, 4, assetId)});
            return null;
        }).list();
        return balances;
    }

    private void checkBalances(final ReconcileReport.Check check, final ExchangeEngine engine, final Map<Long, Map<Integer, long[]>> stored)
    {
        final Map<Long, Boolean> engineAccounts = new HashMap<>();
        engine.forEachAccount(accountId -> engineAccounts.put(accountId, Boolean.TRUE));
        for (final long accountId : engineAccounts.keySet())
        {
            for (final AssetSpec asset : config.assets())
            {
                final long available = engine.availableMinor(accountId, asset.id());
                final long held = engine.heldMinor(accountId, asset.id());
                final long[] row = stored.getOrDefault(accountId, Map.of()).get(asset.id());
                check.compared();
                final long storedAvailable = row == null ? 0 : row[0];
                final long storedHeld = row == null ? 0 : row[1];
                if (available != storedAvailable || held != storedHeld)
                {
                    check.mismatch("account " + accountId + " " + asset.code() + ": engine " + amount(available, asset) + " / " +
                        amount(held, asset) + " held, database " + (row == null ? "no row" : amount(storedAvailable, asset) + " / " +
                        amount(storedHeld, asset) + " held"));
                }
            }
        }
        for (final long accountId : stored.keySet())
        {
            if (!engineAccounts.containsKey(accountId))
            {
                check.compared();
                check.mismatch("account " + accountId + " has balances in the database but does not exist in the engine");
            }
        }
    }

    private void checkLedgerSums(final ReconcileReport.Check check, final Handle handle, final Map<Long, Map<Integer, long[]>> stored)
    {
        final Map<Long, Map<Integer, long[]>> sums = new HashMap<>();
        handle.createQuery("SELECT account_id, asset_id, sum(delta_available), sum(delta_held) FROM ledger_entries GROUP BY 1, 2")
            .map((rs, ctx) ->
            {
                final int assetId = rs.getInt(2);
                sums.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                    .put(assetId, new long[] {minor(rs, 3, assetId), minor(rs, 4, assetId)});
                return null;
            }).list();
        compareNested(check, sums, stored, "ledger sum");
    }

    private void checkLedgerTail(final ReconcileReport.Check check, final Handle handle, final Map<Long, Map<Integer, long[]>> stored)
    {
        final Map<Long, Map<Integer, long[]>> tails = new HashMap<>();
        handle.createQuery("SELECT DISTINCT ON (account_id, asset_id) account_id, asset_id, available, held FROM ledger_entries " +
            "ORDER BY account_id, asset_id, engine_seq DESC, event_index DESC").map((rs, ctx) ->
            {
                final int assetId = rs.getInt(2);
                tails.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                    .put(assetId, new long[] {minor(rs, 3, assetId), minor(rs, 4, assetId)});
                return null;
            }).list();
        compareNested(check, tails, stored, "last ledger row");
    }

    private void compareNested(
        final ReconcileReport.Check check,
        final Map<Long, Map<Integer, long[]>> derived,
        final Map<Long, Map<Integer, long[]>> stored,
        final String what)
    {
        final Map<Long, Map<Integer, long[]>> union = new HashMap<>();
        derived.forEach((account, byAsset) -> union.computeIfAbsent(account, id -> new HashMap<>()).putAll(byAsset));
        stored.forEach((account, byAsset) -> union.computeIfAbsent(account, id -> new HashMap<>()).putAll(byAsset));
        union.forEach((account, byAsset) -> byAsset.keySet().forEach(assetId ->
        {
            check.compared();
            final long[] a = derived.getOrDefault(account, Map.of()).getOrDefault(assetId, new long[2]);
            final long[] b = stored.getOrDefault(account, Map.of()).getOrDefault(assetId, new long[2]);
            if (a[0] != b[0] || a[1] != b[1])
            {
                final AssetSpec asset = config.asset(assetId);
                check.mismatch("account " + account + " " + asset.code() + ": " + what + " " + amount(a[0], asset) + " / " +
                    amount(a[1], asset) + " held, balances " + amount(b[0], asset) + " / " + amount(b[1], asset) + " held");
            }
        }));
    }

    private void checkTrades(final ReconcileReport.Check check, final Handle handle, final JournalTruth truth)
    {
        final Map<Integer, long[]> stored = new HashMap<>();
        handle.createQuery("SELECT symbol_id, count(*), coalesce(sum(qty), 0), coalesce(sum(quote_qty), 0) FROM trades GROUP BY 1")
            .map((rs, ctx) ->
            {
                final SymbolSpec symbol = symbol(rs.getInt(1));
                stored.put(rs.getInt(1), new long[] {rs.getLong(2), minor(rs.getBigDecimal(3), symbol.baseAssetId()),
                    minor(rs.getBigDecimal(4), symbol.quoteAssetId())});
                return null;
            }).list();
        for (final SymbolSpec symbol : config.symbols())
        {
            check.compared();
            final long[] journal = truth.trades(symbol.id());
            final long[] db = stored.getOrDefault(symbol.id(), new long[3]);
            if (journal[0] != db[0] || journal[1] != db[1] || journal[2] != db[2])
            {
                check.mismatch(symbol.code() + ": journal " + journal[0] + " trades, volume " + journal[1] + " / quote " + journal[2] +
                    " (minor units); database " + db[0] + " trades, " + db[1] + " / " + db[2]);
            }
        }
    }

    private void checkCandles(final ReconcileReport.Check check, final Handle handle)
    {
        final List<String> differences = handle.createQuery("""
                SELECT s.code || ' ' || i.interval || ': candles ' || coalesce(c.n, 0) || ' trades / ' || coalesce(c.v, 0) ||
                       ' volume, trades table ' || coalesce(t.n, 0) || ' / ' || coalesce(t.v, 0)
                FROM symbols s
                CROSS JOIN (VALUES ('1m'), ('5m'), ('15m'), ('1h'), ('4h'), ('1d'), ('1w')) AS i (interval)
                LEFT JOIN (SELECT symbol_id, interval, sum(trade_count) AS n, sum(base_volume) AS v FROM candles GROUP BY 1, 2) c
                       ON c.symbol_id = s.symbol_id AND c.interval = i.interval
                LEFT JOIN (SELECT symbol_id, count(*) AS n, sum(qty) AS v FROM trades GROUP BY 1) t ON t.symbol_id = s.symbol_id
                WHERE coalesce(c.n, 0) <> coalesce(t.n, 0) OR coalesce(c.v, 0) <> coalesce(t.v, 0)
                """).mapTo(String.class).list();
        for (int i = 0; i < config.symbols().size() * 7; i++)
        {
            check.compared();
        }
        differences.forEach(check::mismatch);
    }

    private void checkTotals(final ReconcileReport.Check check, final Map<Long, Map<Integer, long[]>> stored, final JournalTruth truth)
    {
        for (final AssetSpec asset : config.assets())
        {
            check.compared();
            long total = 0;
            for (final Map<Integer, long[]> byAsset : stored.values())
            {
                final long[] row = byAsset.get(asset.id());
                if (row != null)
                {
                    total = Math.addExact(total, Math.addExact(row[0], row[1]));
                }
            }
            final long net = truth.netDepositsByAsset.getOrDefault(asset.id(), 0L);
            if (total != net)
            {
                check.mismatch(asset.code() + ": balances total " + amount(total, asset) + ", deposits minus withdrawals " +
                    amount(net, asset));
            }
        }
    }

    private void checkOpenOrders(final ReconcileReport.Check check, final Handle handle, final ExchangeEngine engine)
    {
        final Map<Long, long[]> engineOrders = new HashMap<>();
        engine.forEachOpenOrder((orderId, accountId, symbolId, side, orderType, priceMinor, stopPriceMinor, qtyMinor, filledQtyMinor,
            filledQuoteMinor, pendingStop, clientOrderId) ->
            engineOrders.put(orderId, new long[] {symbolId, qtyMinor - filledQtyMinor, filledQtyMinor}));
        final Map<Long, long[]> stored = new HashMap<>();
        handle.createQuery("SELECT order_id, symbol_id, leaves_qty, filled_qty FROM orders " +
            "WHERE status IN ('PENDING_STOP', 'NEW', 'PARTIALLY_FILLED')").map((rs, ctx) ->
            {
                final SymbolSpec symbol = symbol(rs.getInt(2));
                stored.put(rs.getLong(1), new long[] {rs.getInt(2), minor(rs.getBigDecimal(3), symbol.baseAssetId()),
                    minor(rs.getBigDecimal(4), symbol.baseAssetId())});
                return null;
            }).list();
        engineOrders.forEach((orderId, order) ->
        {
            check.compared();
            final long[] row = stored.get(orderId);
            if (row == null)
            {
                check.mismatch("order " + orderId + " is open in the engine but not in the database");
            }
            else if (row[1] != order[1] || row[2] != order[2])
            {
                check.mismatch("order " + orderId + ": engine leaves " + order[1] + " filled " + order[2] + ", database leaves " +
                    row[1] + " filled " + row[2] + " (minor units)");
            }
        });
        stored.keySet().stream().filter(orderId -> !engineOrders.containsKey(orderId)).forEach(orderId ->
        {
            check.compared();
            check.mismatch("order " + orderId + " is open in the database but not in the engine");
        });
    }

    private SymbolSpec symbol(final int symbolId)
    {
        for (final SymbolSpec symbol : config.symbols())
        {
            if (symbol.id() == symbolId)
            {
                return symbol;
            }
        }
        throw new IllegalStateException("symbol " + symbolId + " in the database is not in the config");
    }

    private long minor(final ResultSet rs, final int column, final int assetId) throws SQLException
    {
        return minor(rs.getBigDecimal(column), assetId);
    }

    private long minor(final BigDecimal value, final int assetId)
    {
        final AssetSpec asset = config.asset(assetId);
        if (asset == null)
        {
            throw new IllegalStateException("asset " + assetId + " in the database is not in the config");
        }
        // Exact or throw: an amount finer than the asset's scale is itself a reconciliation failure.
        return value.movePointRight(asset.scale()).longValueExact();
    }

    private static String amount(final long minor, final AssetSpec asset)
    {
        return BigDecimal.valueOf(minor, asset.scale()).toPlainString();
    }
}
