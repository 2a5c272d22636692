package io.bourse.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.persistence.sidecar.SidecarAgent;
import io.bourse.persistence.sidecar.SidecarLog;

/**
 * The sidecar tails a journal while it is being written (started before the journal exists, as when it starts
 * before the engine), and ends with what a drain of the finished journal writes.
 */
@Timeout(300)
final class SidecarLiveTailTest
{
    private static final long SEED = Long.getLong("bourse.sidecar.seed", 31L);
    private static final int CHUNKS = 20;
    private static final int CHUNK_COMMANDS = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldTailALiveJournalAndEndWithWhatADrainWrites() throws Exception
    {
        final Path journal = dir.resolve("journal");
        try (TestPostgres.TestDatabase live = TestPostgres.createDatabase();
            TestPostgres.TestDatabase drained = TestPostgres.createDatabase())
        {
            final SidecarAgent agent = new SidecarAgent(TestSidecars.context(journal, live.url(), 5_000, false), new SidecarLog(System.err));
            final ExecutorService executor = Executors.newSingleThreadExecutor();
            try
            {
                final Future<SidecarAgent.Outcome> outcome = executor.submit(agent::run);
                final JournalGenerator generator = new JournalGenerator(TestSidecars.CONFIG, SEED);
                for (int chunk = 0; chunk < CHUNKS; chunk++)
                {
                    generator.write(journal, CHUNK_COMMANDS);
                    if (chunk % 2 == 1)
                    {
                        // Catch up with the writer mid-journal every other chunk; the chunks between land mid-tail.
                        awaitCheckpoint(agent, generator.sequence());
                        assertThat(agent.stats().checkpointSequence()).as("applied while the journal is still growing")
                            .isEqualTo(generator.sequence());
                    }
                    else
                    {
                        Thread.sleep(20);
                    }
                }
                awaitCheckpoint(agent, generator.sequence());
                assertThat(agent.stats().checkpointSequence()).isEqualTo(generator.sequence());
                assertThat(outcome.isDone()).as("a tailing sidecar keeps running at the end of the journal").isFalse();
                agent.requestStop();
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(SidecarAgent.Outcome.STOPPED);
            }
            finally
            {
                executor.shutdownNow();
            }
            assertThat(TestSidecars.drain(journal, drained.url(), 3_000)).isEqualTo(SidecarAgent.Outcome.DRAINED);
            final Map<String, String> expected = TestSidecars.fingerprint(drained);
            assertThat(TestSidecars.fingerprint(live)).isEqualTo(expected);
        }
    }

    private static void awaitCheckpoint(final SidecarAgent agent, final long sequence) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (agent.stats().checkpointSequence() < sequence && System.nanoTime() < deadline)
        {
            Thread.sleep(5);
        }
    }
}
