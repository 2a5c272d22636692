package io.bourse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.snapshot.SnapshotStore;
import io.bourse.persistence.sidecar.SidecarAgent;
import picocli.CommandLine;

/** {@code bourse reconcile} passes on a drained database and fails, naming the difference, on each kind of tampering. */
@Timeout(180)
final class ReconcileCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPassOnADrainedDatabaseAndFailOnEachTampering() throws Exception
    {
        final Path journal = dir.resolve("journal");
        new JournalGenerator(TestSidecars.CONFIG, 11).write(journal, 8_000);
        try (TestPostgres.TestDatabase database = TestPostgres.createDatabase())
        {
            assertThat(TestSidecars.drain(journal, database.url(), 1_000)).isEqualTo(SidecarAgent.Outcome.DRAINED);
            assertThat(reconcile(journal, database)).contains("\nPASS").doesNotContain("FAIL");

            tamper(database, "UPDATE balances SET available = available + 0.000001 WHERE account_id = 5 AND asset_id = 3",
                "ledger sums per account and asset equal balances", journal);
            tamper(database, "DELETE FROM trades WHERE trade_id = (SELECT max(trade_id) FROM trades)",
                "trade count and volume per symbol equal the journal's", journal);
            tamper(database, "UPDATE orders SET status = 'CANCELLED' WHERE order_id = (SELECT min(order_id) FROM orders " +
                "WHERE status = 'NEW')", "open orders equal the engine's", journal);
            tamper(database, "UPDATE sidecar_checkpoint SET engine_seq = engine_seq + 5", "journal reaches the database checkpoint",
                journal);
        }
    }

    @Test
    void shouldReconcileFromASnapshotPlusTheJournalTail() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path snapshots = dir.resolve("snapshots");
        final JournalGenerator generator = new JournalGenerator(TestSidecars.CONFIG, 12).write(journal, 4_000);
        generator.snapshot(new SnapshotStore(snapshots, 3));
        generator.write(journal, 4_000);
        try (TestPostgres.TestDatabase database = TestPostgres.createDatabase())
        {
            assertThat(TestSidecars.drain(journal, database.url(), 1_000)).isEqualTo(SidecarAgent.Outcome.DRAINED);
            assertThat(reconcile(journal, database, "--snapshots", snapshots.toString()))
                .contains("from the snapshot at sequence 4000").endsWith("\nPASS\n");
        }
    }

    private void tamper(final TestPostgres.TestDatabase database, final String sql, final String failedCheck, final Path journal)
        throws Exception
    {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement())
        {
            connection.setAutoCommit(false);
            assertThat(statement.executeUpdate(sql)).isEqualTo(1);
            connection.commit();
            assertThat(reconcile(journal, database)).contains("FAIL " + failedCheck).endsWith("FAIL\n");
            connection.rollback();
        }
    }

    private static String reconcile(final Path journal, final TestPostgres.TestDatabase database, final String... extra)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream original = System.out;
        final int exitCode;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try
        {
            final java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--journal", journal.toString(),
                "--db", database.url()));
            args.addAll(java.util.List.of(extra));
            exitCode = new CommandLine(new ReconcileCommand()).execute(args.toArray(String[]::new));
        }
        finally
        {
            System.setOut(original);
        }
        final String report = out.toString(StandardCharsets.UTF_8);
        System.err.print(report);
        assertThat(exitCode).as(report).isEqualTo(report.endsWith("PASS\n") ? 0 : 1);
        return report;
    }
}
