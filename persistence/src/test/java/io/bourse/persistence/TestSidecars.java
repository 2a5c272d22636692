package io.bourse.persistence;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.persistence.db.Database;
import io.bourse.persistence.reconcile.ReconcileReport;
import io.bourse.persistence.reconcile.Reconciler;
import io.bourse.persistence.sidecar.SidecarAgent;
import io.bourse.persistence.sidecar.SidecarContext;
import io.bourse.persistence.sidecar.SidecarLog;

/** Runs the sidecar and reconcile in-process, and fingerprints a database's tables for equality checks. */
final class TestSidecars
{
    static final ExchangeConfig CONFIG = ConfigLoader.loadDefault();

    /** Every projected table with the columns that order its rows uniquely. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static
    {
        TABLES.put("assets", "asset_id");
        TABLES.put("symbols", "symbol_id");
        TABLES.put("accounts", "account_id");
        TABLES.put("orders", "order_id");
        TABLES.put("trades", "trade_id");
        TABLES.put("ledger_entries", "engine_seq, event_index");
        TABLES.put("balances", "account_id, asset_id");
        TABLES.put("candles", "symbol_id, interval, open_time");
        TABLES.put("audit_log", "engine_seq");
        TABLES.put("sidecar_checkpoint", "id");
    }

    private TestSidecars()
    {
    }

    static SidecarContext context(final Path journal, final String url, final int batchSize, final boolean exitAtEnd)
    {
        return new SidecarContext(CONFIG, journal, Database.at(url), batchSize, 5, exitAtEnd, 500);
    }

    /** Drains the journal in this thread; returns the outcome. */
    static SidecarAgent.Outcome drain(final Path journal, final String url, final int batchSize)
    {
        return new SidecarAgent(context(journal, url, batchSize, true), new SidecarLog(System.err)).run();
    }

    static ReconcileReport reconcile(final Path journal, final TestPostgres.TestDatabase database) throws Exception
    {
        try (Connection connection = database.connect())
        {
            final ReconcileReport report = new Reconciler(CONFIG, journal, null).reconcile(connection);
            final ByteArrayOutputStream text = new ByteArrayOutputStream();
            report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
            System.err.print(text.toString(StandardCharsets.UTF_8));
            return report;
        }
    }

    /** md5 of every table's rows in key order, and row counts: equal fingerprints mean equal contents. */
    static Map<String, String> fingerprint(final TestPostgres.TestDatabase database) throws SQLException
    {
        final Map<String, String> fingerprint = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement())
        {
            for (final Map.Entry<String, String> table : TABLES.entrySet())
            {
                try (ResultSet result = statement.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY " +
                    table.getValue() + "), '')) FROM " + table.getKey() + " t"))
                {
                    result.next();
                    fingerprint.put(table.getKey(), result.getLong(1) + " rows " + result.getString(2));
                }
            }
        }
        return fingerprint;
    }

    static long queryLong(final TestPostgres.TestDatabase database, final String sql) throws SQLException
    {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery(sql))
        {
            result.next();
            return result.getLong(1);
        }
    }
}
