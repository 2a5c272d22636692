package io.bourse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.config.ConfigLoader;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.journal.JournalEntryView;
import io.bourse.engine.journal.JournalReader;
import io.bourse.engine.recovery.Recovery;
import io.bourse.engine.recovery.RecoveryResult;
import io.bourse.engine.snapshot.SnapshotStore;

/**
 * The real {@code bourse server} main in a child JVM, fed commands over its command port and killed with SIGKILL at
 * seeded random moments, then restarted on the same journal. After every crash: each acknowledged command is in the
 * journal at the sequence it was acknowledged with, the journal holds, per run, exactly a prefix of what was sent
 * (nothing invented, nothing reordered), and the restarted server's state hash equals a reference engine that
 * re-executes the journaled commands.
 */
class ServerCrashTest
{
    private static final long SEED = Long.getLong("bourse.crash.seed", 424242L);
    private static final int CRASHES = Integer.getInteger("bourse.crash.count", 10);
    private static final int MAX_IN_FLIGHT = 512;

    private final ExchangeConfig config = ConfigLoader.loadDefault();
    private final CrashWorkload workload = new CrashWorkload(SEED);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void shouldKeepEveryAcknowledgedCommandAndNothingElseAcrossKillNine() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final List<Run> runs = new ArrayList<>();
        final Map<Long, Long> acknowledged = new HashMap<>();
        long nextIndex = 0;
        for (int crash = 0; crash < CRASHES; crash++)
        {
            final Run run = runAndKill(crash, nextIndex, 150 + random.nextInt(700));
            runs.add(run);
            acknowledged.putAll(run.acks);
            nextIndex = run.endIndex;
        }

        final List<JournaledCommand> journal = readJournal();
        assertThat(journal).as("something was journaled").isNotEmpty();
        assertAcknowledgedCommandsAreJournaled(journal, acknowledged);
        assertJournalIsAPrefixOfEachRun(journal, runs);

        // Restart once more: recovery must reach the state of a reference engine fed the journaled commands.
        final long referenceHash = referenceHash(journal);
        final Properties ready = startAndStopCleanly(CRASHES);
        assertThat(Long.parseLong(ready.getProperty("sequence"))).isEqualTo(journal.size());
        assertThat(Long.parseUnsignedLong(ready.getProperty("state-hash"), 16)).isEqualTo(referenceHash);

        final RecoveryResult fromSnapshots = new Recovery(config, journalDir(), new SnapshotStore(snapshotDir(), 3))
            .recover();
        assertThat(fromSnapshots.stateHash()).isEqualTo(referenceHash);
        assertThat(fromSnapshots.snapshotSequence()).as("the clean stop left a final snapshot")
            .isEqualTo(journal.size());
        System.out.printf("crash test (seed %d): %d kill -9 runs, %d commands sent, %d journaled, %d acknowledged%n",
            SEED, CRASHES, nextIndex, journal.size(), acknowledged.size());
    }

    private Run runAndKill(final int run, final long startIndex, final int millisBeforeKill) throws Exception
    {
        final Path readyFile = dir.resolve("ready-" + run);
        final Process server = startServer(readyFile, run);
        final Properties ready = awaitReady(server, readyFile);
        final int port = Integer.parseInt(ready.getProperty("command-port"));
        assertThat(Long.parseLong(ready.getProperty("sequence"))).as("run %d recovered sequence", run)
            .isEqualTo(readJournal().size());

        final AtomicLong sent = new AtomicLong(startIndex);
        final AtomicBoolean stop = new AtomicBoolean();
        final CommandPortClient client = new CommandPortClient(port);
        final Thread sender = new Thread(() -> send(client, startIndex, sent, stop), "crash-test-sender");
        sender.start();
        // The crash point is measured from the first acknowledgement, so a slow start (first journal file) still
        // leaves the run time to make progress.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.ackCount() == 0 && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        Thread.sleep(millisBeforeKill);
        ChildJvm.kill(server);
        stop.set(true);
        sender.join(10_000);
        client.awaitDisconnect();
        client.close();
        assertThat(client.ackCount()).as("run %d made progress before the kill", run).isPositive();
        return new Run(startIndex, sent.get(), Map.copyOf(client.acks()));
    }

    /** Sends commands from {@code startIndex} on, keeping at most {@link #MAX_IN_FLIGHT} unacknowledged. */
    private void send(final CommandPortClient client, final long startIndex, final AtomicLong sent, final AtomicBoolean stop)
    {
        try
        {
            long index = startIndex;
            while (!stop.get())
            {
                if (index - startIndex - client.ackCount() >= MAX_IN_FLIGHT)
                {
                    client.flush();
                    Thread.onSpinWait();
                    continue;
                }
                // Counted as sent before the bytes leave: a command the server may have seen is never excluded.
                sent.set(index + 1);
                client.send(index + 1, workload.command(index));
                index++;
                if ((index & 15) == 0)
                {
                    client.flush();
                }
            }
        }
        catch (final IOException ex)
        {
            // the server was killed mid-send
        }
    }

    private void assertAcknowledgedCommandsAreJournaled(
        final List<JournaledCommand> journal, final Map<Long, Long> acknowledged)
    {
        assertThat(acknowledged).isNotEmpty();
        for (final Map.Entry<Long, Long> ack : acknowledged.entrySet())
        {
            final long index = ack.getKey() - 1;
            final long sequence = ack.getValue();
            assertThat(sequence).as("ack of command %d", index).isBetween(1L, (long)journal.size());
            assertThat(journal.get((int)(sequence - 1)).command)
                .as("journal entry %d holds acknowledged command %d", sequence, index)
                .isEqualTo(workload.command(index));
        }
    }

    /** Each run's share of the journal is a prefix of what that run sent, in order, and the runs follow each other. */
    private void assertJournalIsAPrefixOfEachRun(final List<JournaledCommand> journal, final List<Run> runs)
    {
        int position = 0;
        for (final Run run : runs)
        {
            long expected = run.startIndex;
            while (position < journal.size() && expected < run.endIndex
                && Arrays.equals(journal.get(position).command, workload.command(expected)))
            {
                expected++;
                position++;
            }
            final long maxAcked = run.acks.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            assertThat(expected).as("run journaled everything it had acknowledged").isGreaterThanOrEqualTo(maxAcked);
        }
        assertThat(position).as("every journal entry is a command a run sent, in the order sent").isEqualTo(journal.size());
    }

    private long referenceHash(final List<JournaledCommand> journal)
    {
        final ExchangeEngine reference = new ExchangeEngine(config);
        final EventLog events = new EventLog();
        for (final JournaledCommand entry : journal)
        {
            events.reset();
            reference.process(new UnsafeBuffer(entry.command), 0, entry.command.length,
                entry.timeNs, events);
        }
        return reference.stateHash();
    }

    private Properties startAndStopCleanly(final int run) throws Exception
    {
        final Path readyFile = dir.resolve("ready-final");
        final Process server = startServer(readyFile, run);
        final Properties ready = awaitReady(server, readyFile);
        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("clean shutdown on SIGTERM").isTrue();
        assertThat(Files.readString(log(run))).contains("shutdown snapshot at sequence");
        return ready;
    }

    private Process startServer(final Path readyFile, final int run) throws IOException
    {
        return ChildJvm.start(ServerCommand.class, log(run),
            "--journal", journalDir().toString(),
            "--snapshots", snapshotDir().toString(),
            "--fsync", "none",
            "--snapshot-every", "3000",
            "--command-port", "0",
            "--no-extensions",
            "--ready-file", readyFile.toString());
    }

    private Properties awaitReady(final Process server, final Path readyFile) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(readyFile))
        {
            assertThat(server.isAlive()).as("server is running; its log: %s", logTail()).isTrue();
            assertThat(System.nanoTime()).as("server ready within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        final Properties ready = new Properties();
        ready.load(Files.newBufferedReader(readyFile, StandardCharsets.US_ASCII));
        return ready;
    }

    private List<JournaledCommand> readJournal()
    {
        final List<JournaledCommand> entries = new ArrayList<>();
        if (!Files.isDirectory(journalDir()))
        {
            return entries;
        }
        try (JournalReader reader = JournalReader.open(journalDir()).seek(1))
        {
            while (reader.poll())
            {
                final JournalEntryView entry = reader.entry();
                assertThat(entry.engineSequence()).isEqualTo(entries.size() + 1);
                final byte[] command = new byte[entry.commandLength()];
                entry.commandBuffer().getBytes(entry.commandOffset(), command);
                entries.add(new JournaledCommand(command, entry.engineTimeNs()));
            }
        }
        return entries;
    }

    private String logTail() throws IOException
    {
        final StringBuilder out = new StringBuilder();
        try (var files = Files.list(dir))
        {
            for (final Path file : files.filter(path -> path.getFileName().toString().endsWith(".log")).toList())
            {
                out.append(file.getFileName()).append(":\n").append(Files.readString(file));
            }
        }
        return out.toString();
    }

    private Path log(final int run)
    {
        return dir.resolve("server-" + run + ".log");
    }

    private Path journalDir()
    {
        return dir.resolve("journal");
    }

    private Path snapshotDir()
    {
        return dir.resolve("snapshots");
    }

    private record Run(long startIndex, long endIndex, Map<Long, Long> acks)
    {
    }

    private record JournaledCommand(byte[] command, long timeNs)
    {
    }
}
