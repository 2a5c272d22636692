package io.bourse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.persistence.sidecar.SidecarAgent;
import io.bourse.persistence.sidecar.SidecarLog;

/**
 * The database goes away while the sidecar runs: absent at start, connections cut mid-transaction through a TCP
 * proxy, the proxy down for a while (a restart), and the sidecar's backend killed with pg_terminate_backend. After
 * each the sidecar must resume from its checkpoint and end with exactly what one uninterrupted run writes.
 */
@Timeout(300)
final class DatabaseOutageTest
{
    private static final long SEED = Long.getLong("bourse.sidecar.seed", 4242L);
    private static final int COMMANDS = 30_000;

    @TempDir
    static Path dir;
    private static Path journal;
    private static TestPostgres.TestDatabase reference;
    private static Map<String, String> expected;

    @BeforeAll
    static void uninterruptedRun() throws Exception
    {
        journal = dir.resolve("journal");
        new JournalGenerator(TestSidecars.CONFIG, SEED).write(journal, COMMANDS);
        reference = TestPostgres.createDatabase();
        assertThat(TestSidecars.drain(journal, reference.url(), 10_000)).isEqualTo(SidecarAgent.Outcome.DRAINED);
        expected = TestSidecars.fingerprint(reference);
    }

    @AfterAll
    static void dropReference()
    {
        if (reference != null)
        {
            reference.close();
        }
    }

    @Test
    void shouldWaitForTheDatabaseAtStartThenDrain() throws Exception
    {
        try (TestPostgres.TestDatabase database = TestPostgres.createDatabase();
            TcpProxy proxy = new TcpProxy(TestPostgres.host(), TestPostgres.port()))
        {
            final SidecarAgent agent = new SidecarAgent(
                TestSidecars.context(journal, proxiedUrl(proxy, database), 2_000, true), new SidecarLog(System.err));
            final ExecutorService executor = Executors.newSingleThreadExecutor();
            try
            {
                final Future<SidecarAgent.Outcome> outcome = executor.submit(agent::run);
                Thread.sleep(1_500);
                assertThat(outcome.isDone()).isFalse();
                assertThat(agent.stats().reconnects()).as("connection attempts while the database was down").isGreaterThanOrEqualTo(2);
                proxy.start();
                assertThat(outcome.get(120, TimeUnit.SECONDS)).isEqualTo(SidecarAgent.Outcome.DRAINED);
            }
            finally
            {
                executor.shutdownNow();
            }
            assertThat(TestSidecars.fingerprint(database)).isEqualTo(expected);
        }
    }

    @Test
    void shouldLoseAndDoubleNothingWhenTheConnectionIsCutMidDrain() throws Exception
    {
        final Random random = new Random(SEED);
        try (TestPostgres.TestDatabase database = TestPostgres.createDatabase();
            TcpProxy proxy = new TcpProxy(TestPostgres.host(), TestPostgres.port()))
        {
            proxy.start();
            final SidecarAgent agent = new SidecarAgent(
                TestSidecars.context(journal, proxiedUrl(proxy, database), 300, true), new SidecarLog(System.err));
            final ExecutorService executor = Executors.newSingleThreadExecutor();
            int faults = 0;
            try
            {
                final Future<SidecarAgent.Outcome> outcome = executor.submit(agent::run);
                long nextFaultAt = 1_500;
                while (!outcome.isDone() && faults < 9)
                {
                    if (agent.stats().checkpointSequence() >= nextFaultAt)
                    {
                        Thread.sleep(random.nextInt(20));
                        switch (faults % 3)
                        {
                            case 0 -> proxy.cutConnections();
                            case 1 -> terminateBackends(database);
                            default ->
                            {
                                // A restart: down long enough for several failed reconnects, then back.
                                proxy.stop();
                                Thread.sleep(700);
                                proxy.start();
                            }
                        }
                        faults++;
                        nextFaultAt = agent.stats().checkpointSequence() + 600 + random.nextInt(2_000);
                    }
                    Thread.sleep(2);
                }
                assertThat(outcome.get(120, TimeUnit.SECONDS)).isEqualTo(SidecarAgent.Outcome.DRAINED);
            }
            finally
            {
                executor.shutdownNow();
            }
            assertThat(faults).as("faults injected before the drain finished (seed " + SEED + ")").isGreaterThanOrEqualTo(6);
            assertThat(agent.stats().reconnects()).isGreaterThanOrEqualTo(faults);
            assertThat(TestSidecars.fingerprint(database)).isEqualTo(expected);
            assertThat(TestSidecars.reconcile(journal, database).passed()).isTrue();
        }
    }

    private static String proxiedUrl(final TcpProxy proxy, final TestPostgres.TestDatabase database)
    {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name() + "?user=postgres";
    }

    private static void terminateBackends(final TestPostgres.TestDatabase database) throws Exception
    {
        try (Connection admin = database.connect(); Statement statement = admin.createStatement())
        {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() " +
                "AND pid <> pg_backend_pid()");
        }
    }
}
