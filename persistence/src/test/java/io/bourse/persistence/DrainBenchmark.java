package io.bourse.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.bourse.engine.journal.JournalReader;
import io.bourse.persistence.db.BatchWriter;
import io.bourse.persistence.db.Database;
import io.bourse.persistence.db.Migrations;
import io.bourse.persistence.db.ReferenceData;
import io.bourse.persistence.sidecar.SidecarAgent;
import io.bourse.persistence.sidecar.SidecarLog;
import io.bourse.persistence.sidecar.SidecarStats;

/**
 * Drain rate of the sidecar for a pre-written, trade-heavy journal: each run drains the whole journal into a fresh
 * database (schema created before the clock starts) and prints entries/s, ledger rows/s and trades/s; the summary
 * gives the median and range. Not a test: run it on demand (see persistence/README.md).
 *
 * <pre>
 * args: [commands=1000000] [runs=3] [batchSize=5000] [journalDir=target/drain-benchmark-journal]
 * </pre>
 */
public final class DrainBenchmark
{
    private DrainBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int commands = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        final int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        final Path journal = Path.of(args.length > 3 ? args[3] : "target/drain-benchmark-journal-" + commands);
        if (!Files.isDirectory(journal))
        {
            final long start = System.nanoTime();
            final JournalGenerator generator = new JournalGenerator(TestSidecars.CONFIG, 1).tradeHeavy().write(journal, commands);
            System.out.printf("wrote %,d commands with %,d trades to %s in %.1f s%n", generator.sequence(), generator.trades(), journal,
                (System.nanoTime() - start) / 1e9);
        }
        else
        {
            try (JournalReader reader = JournalReader.open(journal))
            {
                System.out.printf("reusing journal %s (%,d entries)%n", journal, reader.lastSequence());
            }
        }

        final List<double[]> results = new ArrayList<>();
        for (int run = 1; run <= runs; run++)
        {
            try (TestPostgres.TestDatabase database = TestPostgres.createDatabase())
            {
                Migrations.migrate(Database.at(database.url()));
                try (Connection connection = database.connect())
                {
                    connection.setAutoCommit(false);
                    ReferenceData.write(connection, TestSidecars.CONFIG);
                }
                final SidecarAgent agent = new SidecarAgent(
                    TestSidecars.context(journal, database.url(), batchSize, true), new SidecarLog(System.err));
                final long start = System.nanoTime();
                final SidecarAgent.Outcome outcome = agent.run();
                final double seconds = (System.nanoTime() - start) / 1e9;
                final SidecarStats stats = agent.stats();
                if (outcome != SidecarAgent.Outcome.DRAINED)
                {
                    throw new IllegalStateException("run " + run + " ended " + outcome);
                }
                final double[] rates = {stats.entries() / seconds, stats.ledgerRows() / seconds, stats.trades() / seconds};
                results.add(rates);
                final StringBuilder phases = new StringBuilder("  database time by phase:");
                for (final BatchWriter.Phase phase : BatchWriter.Phase.values())
                {
                    phases.append(String.format(" %s %.2f s", phase, stats.phaseNs(phase) / 1e9));
                }
                System.out.println(phases);
                System.out.printf("run %d: %,d entries, %,d ledger rows, %,d trades in %.2f s: %,.0f entries/s, %,.0f ledger rows/s, " +
                    "%,.0f trades/s%n", run, stats.entries(), stats.ledgerRows(), stats.trades(), seconds, rates[0], rates[1], rates[2]);
            }
        }
        final String[] names = {"entries/s", "ledger rows/s", "trades/s"};
        for (int i = 0; i < names.length; i++)
        {
            final List<Double> values = new ArrayList<>();
            for (final double[] rates : results)
            {
                values.add(rates[i]);
            }
            Collections.sort(values);
            System.out.printf("%-14s median %,.0f (range %,.0f - %,.0f) over %d runs, batch size %d%n", names[i],
                values.get(values.size() / 2), values.get(0), values.get(values.size() - 1), values.size(), batchSize);
        }
    }
}
