package io.bourse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.persistence.sidecar.SidecarAgent;

/**
 * Runs {@code bourse sidecar} as a child JVM and kills it with SIGKILL at seeded random points of the drain (each
 * while it is committing batches), restarting it each time; the database must then equal the one an uninterrupted
 * run produces, table for table, and reconcile.
 */
@Timeout(600)
final class SidecarCrashTest
{
    private static final long SEED = Long.getLong("bourse.sidecar.seed", 977L);
    private static final int COMMANDS = 30_000;
    private static final int KILLS = Integer.getInteger("bourse.sidecar.crash.kills", 12);

    @TempDir
    Path dir;

    @Test
    void shouldEqualAnUninterruptedRunAfterRepeatedKills() throws Exception
    {
        final Path journal = dir.resolve("journal");
        new JournalGenerator(TestSidecars.CONFIG, SEED).write(journal, COMMANDS);
        final Random random = new Random(SEED);
        try (TestPostgres.TestDatabase reference = TestPostgres.createDatabase();
            TestPostgres.TestDatabase crashed = TestPostgres.createDatabase())
        {
            assertThat(TestSidecars.drain(journal, reference.url(), 10_000)).isEqualTo(SidecarAgent.Outcome.DRAINED);
            final Map<String, String> expected = TestSidecars.fingerprint(reference);

            final List<Long> killedAt = new ArrayList<>();
            long lowest = 500;
            for (int kill = 0; kill < KILLS; kill++)
            {
                // Kill once the checkpoint passes a random point in the part of the journal still to drain.
                final long remaining = COMMANDS - lowest;
                final long target = lowest + (long)(random.nextDouble() * remaining / (KILLS - kill + 1));
                final Process child = start(journal, crashed.url(), 200 + random.nextInt(800), dir.resolve("sidecar-" + kill + ".log"));
                long checkpoint = 0;
                while (child.isAlive())
                {
                    checkpoint = checkpoint(crashed);
                    if (checkpoint >= target)
                    {
                        Thread.sleep(random.nextInt(30));
                        break;
                    }
                    Thread.sleep(5);
                }
                assertThat(child.isAlive()).as("sidecar exited before kill " + kill + " (seed " + SEED + ")").isTrue();
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                final long after = checkpoint(crashed);
                killedAt.add(after);
                lowest = after;
            }
            System.err.println("SidecarCrashTest: seed " + SEED + ", killed at checkpoints " + killedAt);
            assertThat(killedAt).as("every kill was mid-drain (seed " + SEED + ")").allMatch(sequence -> sequence < COMMANDS);

            final Process last = start(journal, crashed.url(), 1_000, dir.resolve("sidecar-last.log"));
            assertThat(last.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("sidecar-last.log"))).isZero();
            assertThat(TestSidecars.fingerprint(crashed)).as("database after " + KILLS + " kills (seed " + SEED + ")").isEqualTo(expected);
            assertThat(TestSidecars.reconcile(journal, crashed).passed()).isTrue();
        }
    }

    private static long checkpoint(final TestPostgres.TestDatabase database)
    {
        try
        {
            return TestSidecars.queryLong(database, "SELECT engine_seq FROM sidecar_checkpoint");
        }
        catch (final java.sql.SQLException ex)
        {
            // Not migrated yet.
            return 0;
        }
    }

    private static Process start(final Path journal, final String url, final int batchSize, final Path log) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            SidecarCommand.class.getName(), "--journal", journal.toString(), "--db", url,
            "--batch-size", String.valueOf(batchSize), "--max-batch-latency-ms", "5", "--exit-at-end"));
        // Into a file: a child writing to the inherited stdout would corrupt surefire's channel to this fork.
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
            .directory(new File(System.getProperty("user.dir"))).start();
    }
}
