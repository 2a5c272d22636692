package io.bourse.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;

import io.bourse.persistence.db.Database;
import io.bourse.persistence.reconcile.ReconcileReport;
import io.bourse.persistence.reconcile.Reconciler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bourse reconcile}: checks PostgreSQL against the engine state rebuilt from the journal up to the sidecar's
 * checkpoint. Prints one PASS/FAIL line per check and exits 0 on PASS, 1 on FAIL, 2 on bad arguments.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Compare PostgreSQL with the engine state rebuilt from the journal; exit 0 on PASS, 1 on FAIL.")
public final class ReconcileCommand implements Callable<Integer>
{
    static
    {
        // No SLF4J binding is shipped (Flyway and Jdbi log nothing we need): skip its three-line warning.
        if (System.getProperty("slf4j.internal.verbosity") == null)
        {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
    }

    @Option(names = "--config", description = "Config file (default: the shipped config/bourse.conf).")
    Path configFile;

    @Option(names = "--journal", description = "Journal directory (default: bourse.pipeline.journal-dir).")
    Path journalDir;

    @Option(names = "--db", description = "JDBC URL (default: bourse.persistence.db-url, else 127.0.0.1:5432/bourse).")
    String dbUrl;

    @Option(names = "--snapshots", description = "Start from the newest snapshot in this directory at or before the " +
        "checkpoint instead of re-executing the whole journal.")
    Path snapshotDir;

    @Override
    public Integer call() throws Exception
    {
        final BourseSettings settings = BourseSettings.load(configFile);
        final Path journal = journalDir != null ? journalDir : Path.of(settings.string(BourseSettings.JOURNAL_DIR, "data/journal"));
        final Database database = Database.resolve(dbUrl != null ? dbUrl : settings.string(BourseSettings.DB_URL, ""));
        System.out.println("reconciling " + database.describe() + " against journal " + journal);
        try (Connection connection = connect(database))
        {
            connection.setReadOnly(true);
            // One snapshot of the database for all checks, even while a sidecar keeps writing.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            final ReconcileReport report = new Reconciler(settings.exchange(), journal, snapshotDir).reconcile(connection);
            connection.rollback();
            report.print(System.out);
            return report.passed() ? 0 : 1;
        }
    }

    private static Connection connect(final Database database) throws java.sql.SQLException
    {
        try
        {
            return database.connect();
        }
        catch (final java.sql.SQLException ex)
        {
            throw new CommandLine.ParameterException(new CommandLine(new ReconcileCommand()),
                "cannot connect to " + database.describe() + ": " + ex.getMessage());
        }
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new ReconcileCommand()).setExitCodeExceptionMapper(ex -> 2).execute(args));
    }
}
