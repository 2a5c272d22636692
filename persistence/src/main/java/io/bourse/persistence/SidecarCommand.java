package io.bourse.persistence;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.bourse.persistence.db.Database;
import io.bourse.persistence.sidecar.SidecarAgent;
import io.bourse.persistence.sidecar.SidecarContext;
import io.bourse.persistence.sidecar.SidecarLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bourse sidecar}: projects the journal into PostgreSQL exactly once, tailing it while the engine runs (or
 * draining a finished one with {@code --exit-at-end}). Exit code 0 when drained or stopped (SIGTERM commits what it
 * has), 1 when it stopped on a bad entry or a data error, 2 on bad arguments or config.
 */
@Command(name = "sidecar", mixinStandardHelpOptions = true,
    description = "Project the journal into PostgreSQL (ledger, trades, orders, balances, candles), exactly once.")
public final class SidecarCommand implements Callable<Integer>
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

    @Option(names = "--db", description = "JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/bourse?user=postgres " +
        "(default: bourse.persistence.db-url, else 127.0.0.1:5432, database bourse, created if missing).")
    String dbUrl;

    @Option(names = "--batch-size", description = "Most journal entries per transaction (default: bourse.persistence.batch-size).")
    Integer batchSize;

    @Option(names = "--max-batch-latency-ms",
        description = "Longest an entry waits for its batch to fill (default: bourse.persistence.max-batch-latency-ms).")
    Long maxBatchLatencyMs;

    @Option(names = "--exit-at-end", description = "Exit once every complete journal entry is applied, instead of tailing.")
    boolean exitAtEnd;

    @Option(names = "--max-backoff-ms", description = "Longest wait between reconnection attempts (default: ${DEFAULT-VALUE}).")
    long maxBackoffMs = SidecarContext.DEFAULT_MAX_BACKOFF_MS;

    @Override
    public Integer call()
    {
        final BourseSettings settings = BourseSettings.load(configFile);
        final SidecarContext context = new SidecarContext(
            settings.exchange(),
            journalDir != null ? journalDir : Path.of(settings.string(BourseSettings.JOURNAL_DIR, "data/journal")),
            Database.configuredOrLocal(dbUrl != null ? dbUrl : settings.string(BourseSettings.DB_URL, "")),
            batchSize != null ? batchSize : (int)settings.number(BourseSettings.BATCH_SIZE, SidecarContext.DEFAULT_BATCH_SIZE),
            maxBatchLatencyMs != null ? maxBatchLatencyMs :
                settings.number(BourseSettings.MAX_BATCH_LATENCY_MS, SidecarContext.DEFAULT_MAX_BATCH_LATENCY_MS),
            exitAtEnd,
            maxBackoffMs);
        final SidecarAgent agent = new SidecarAgent(context, new SidecarLog(System.err));
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread shutdownHook = new Thread(() ->
        {
            agent.requestStop();
            try
            {
                finished.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "sidecar-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try
        {
            return agent.run() == SidecarAgent.Outcome.FAILED ? 1 : 0;
        }
        finally
        {
            finished.countDown();
        }
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new SidecarCommand()).setExitCodeExceptionMapper(ex -> 2).execute(args));
    }
}
