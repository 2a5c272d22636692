package io.bourse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.persistence.reconcile.ReconcileReport;
import io.bourse.persistence.sidecar.SidecarAgent;

/**
 * Drains a generated journal of 200k commands (tens of thousands of trades) into a fresh database, then checks it
 * with reconcile, against the generator's own counts, and candles against an independent SQL aggregation of the
 * trades table.
 */
@Timeout(300)
final class SidecarDrainTest
{
    private static final int COMMANDS = Integer.getInteger("bourse.sidecar.drain.commands", 200_000);
    private static final long SEED = Long.getLong("bourse.sidecar.seed", 20261201L);

    @TempDir
    static Path dir;
    private static Path journal;
    private static JournalGenerator generator;
    private static TestPostgres.TestDatabase database;
    private static SidecarAgent.Outcome outcome;

    @BeforeAll
    static void drain()
    {
        journal = dir.resolve("journal");
        generator = new JournalGenerator(TestSidecars.CONFIG, SEED).write(journal, COMMANDS);
        System.err.println("SidecarDrainTest: seed " + SEED + ", " + generator.sequence() + " commands, " + generator.trades() + " trades");
        database = TestPostgres.createDatabase();
        final long start = System.nanoTime();
        outcome = TestSidecars.drain(journal, database.url(), 5_000);
        System.err.printf("SidecarDrainTest: drained in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void dropDatabase()
    {
        if (database != null)
        {
            database.close();
        }
    }

    @Test
    void shouldDrainEveryEntryAndReconcile() throws Exception
    {
        assertThat(outcome).isEqualTo(SidecarAgent.Outcome.DRAINED);
        assertThat(generator.trades()).as("the generated journal must trade a lot (seed " + SEED + ")").isGreaterThan(COMMANDS / 10);
        assertThat(TestSidecars.queryLong(database, "SELECT engine_seq FROM sidecar_checkpoint")).isEqualTo(generator.sequence());
        assertThat(TestSidecars.queryLong(database, "SELECT count(*) FROM trades")).isEqualTo(generator.trades());
        final ReconcileReport report = TestSidecars.reconcile(journal, database);
        assertThat(report.passed()).as("reconcile (seed " + SEED + ")").isTrue();
    }

    @Test
    void shouldMatchCandlesComputedIndependentlyFromTrades() throws Exception
    {
        // Every candle the sidecar wrote versus one aggregated here from the trades table, in both directions.
        final String independent = """
            WITH t AS (
                SELECT symbol_id, trade_id, price, qty, quote_qty, executed_at, extract(epoch FROM executed_at) AS epoch FROM trades
            ), bucketed AS (
                SELECT i.code, t.*,
                       CASE i.code
                           WHEN '1m' THEN date_trunc('minute', executed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                           WHEN '5m' THEN to_timestamp(floor(epoch / 300) * 300)
                           WHEN '15m' THEN to_timestamp(floor(epoch / 900) * 900)
                           WHEN '1h' THEN date_trunc('hour', executed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                           WHEN '4h' THEN to_timestamp(floor(epoch / 14400) * 14400)
                           WHEN '1d' THEN date_trunc('day', executed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                           WHEN '1w' THEN date_trunc('week', executed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
                       END AS open_time
                FROM t CROSS JOIN (VALUES ('1m'), ('5m'), ('15m'), ('1h'), ('4h'), ('1d'), ('1w')) AS i (code)
            ), expected AS (
                SELECT symbol_id, code AS interval, open_time,
                       (array_agg(price ORDER BY trade_id))[1] AS open, max(price) AS high, min(price) AS low,
                       (array_agg(price ORDER BY trade_id DESC))[1] AS close,
                       sum(qty) AS base_volume, sum(quote_qty) AS quote_volume, count(*) AS trade_count
                FROM bucketed GROUP BY 1, 2, 3
            )
            SELECT count(*) FROM (
                (SELECT symbol_id, interval, open_time, open, high, low, close, base_volume, quote_volume, trade_count FROM expected
                 EXCEPT
                 SELECT symbol_id, interval, open_time, open, high, low, close, base_volume, quote_volume, trade_count FROM candles)
                UNION ALL
                (SELECT symbol_id, interval, open_time, open, high, low, close, base_volume, quote_volume, trade_count FROM candles
                 EXCEPT
                 SELECT symbol_id, interval, open_time, open, high, low, close, base_volume, quote_volume, trade_count FROM expected)
            ) differences
            """;
        assertThat(TestSidecars.queryLong(database, "SELECT count(DISTINCT interval) FROM candles")).isEqualTo(7);
        assertThat(TestSidecars.queryLong(database, "SELECT count(*) FROM candles WHERE interval = '1d'")).isGreaterThan(3);
        assertThat(TestSidecars.queryLong(database, independent)).as("candles differing from the trades (seed " + SEED + ")").isZero();
    }

    @Test
    void shouldChangeNothingWhenRunAgainOnADrainedJournal() throws Exception
    {
        final Map<String, String> before = TestSidecars.fingerprint(database);
        assertThat(TestSidecars.drain(journal, database.url(), 5_000)).isEqualTo(SidecarAgent.Outcome.DRAINED);
        assertThat(TestSidecars.fingerprint(database)).isEqualTo(before);
    }
}
