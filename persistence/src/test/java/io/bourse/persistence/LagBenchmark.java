package io.bourse.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.journal.JournalWriter;
import io.bourse.persistence.db.Database;
import io.bourse.persistence.db.Migrations;
import io.bourse.persistence.db.ReferenceData;
import io.bourse.persistence.sidecar.SidecarAgent;
import io.bourse.persistence.sidecar.SidecarLog;

/**
 * Lag of a tailing sidecar behind a journal written live at a fixed rate: a writer thread runs a trade-heavy command
 * stream through the engine and journals it at {@code commandsPerSecond}, paced every millisecond; a sampler records,
 * for every entry, the time from its append to the commit that holds it. Prints the achieved rates and the lag
 * percentiles. Not a test: run it on demand (see persistence/README.md).
 *
 * <pre>
 * args: [commandsPerSecond=10000] [seconds=20] [batchSize=5000] [maxBatchLatencyMs=100]
 * </pre>
 */
public final class LagBenchmark
{
    private static final int SETUP_COMMANDS = 1_200;

    private LagBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        final int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        final long maxLatencyMs = args.length > 3 ? Long.parseLong(args[3]) : 100;
        final Path journal = Files.createTempDirectory("bourse-lag").resolve("journal");
        final int total = SETUP_COMMANDS + rate * seconds;
        final long[] appendedNs = new long[total + 1];
        final long[] lagNs = new long[total + 1];

        try (TestPostgres.TestDatabase database = TestPostgres.createDatabase();
            JournalWriter writer = JournalWriter.open(journal, FsyncPolicy.NONE))
        {
            Migrations.migrate(Database.at(database.url()));
            try (Connection connection = database.connect())
            {
                connection.setAutoCommit(false);
                ReferenceData.write(connection, TestSidecars.CONFIG);
            }
            final JournalGenerator generator = new JournalGenerator(TestSidecars.CONFIG, 5).tradeHeavy();
            for (int i = 0; i < SETUP_COMMANDS; i++)
            {
                generator.appendAt(writer, epochNs());
            }
            final SidecarAgent agent = new SidecarAgent(
                new io.bourse.persistence.sidecar.SidecarContext(TestSidecars.CONFIG, journal, Database.at(database.url()), batchSize,
                    maxLatencyMs, false, 1_000), new SidecarLog(System.err));
            final Thread sidecar = new Thread(agent::run, "sidecar");
            sidecar.start();
            while (agent.stats().checkpointSequence() < SETUP_COMMANDS)
            {
                Thread.sleep(10);
            }

            final Thread sampler = new Thread(() ->
            {
                long seen = SETUP_COMMANDS;
                while (seen < total)
                {
                    final long committed = agent.stats().checkpointSequence();
                    if (committed > seen)
                    {
                        final long now = System.nanoTime();
                        for (long s = seen + 1; s <= committed; s++)
                        {
                            lagNs[(int)s] = now - appendedNs[(int)s];
                        }
                        seen = committed;
                    }
                    LockSupport.parkNanos(100_000);
                }
            }, "lag-sampler");
            sampler.start();

            final long tradesBefore = generator.trades();
            final long start = System.nanoTime();
            long sent = 0;
            while (sent < (long)rate * seconds)
            {
                final long due = Math.min((long)rate * seconds, (System.nanoTime() - start) * rate / 1_000_000_000L);
                while (sent < due)
                {
                    generator.appendAt(writer, epochNs());
                    appendedNs[(int)generator.sequence()] = System.nanoTime();
                    sent++;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            final double writeSeconds = (System.nanoTime() - start) / 1e9;
            final long trades = generator.trades() - tradesBefore;
            sampler.join(TimeUnit.MINUTES.toMillis(5));
            agent.requestStop();
            sidecar.join();

            final long[] measured = Arrays.copyOfRange(lagNs, SETUP_COMMANDS + 1, total + 1);
            Arrays.sort(measured);
            System.out.printf("journal written at %,.0f commands/s, %,.0f trades/s for %.1f s; sidecar batch %d, max latency %d ms%n",
                sent / writeSeconds, trades / writeSeconds, writeSeconds, batchSize, maxLatencyMs);
            System.out.printf("lag from append to commit: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%,d entries)%n",
                percentile(measured, 0.50), percentile(measured, 0.90), percentile(measured, 0.99),
                measured[measured.length - 1] / 1e6, measured.length);
        }
    }

    private static double percentile(final long[] sorted, final double fraction)
    {
        return sorted[(int)Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] / 1e6;
    }

    private static long epochNs()
    {
        final Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
