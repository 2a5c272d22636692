package io.bourse.engine.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.differential.RandomCommandGenerator;
import io.bourse.engine.server.ServerSettings;
import io.bourse.engine.server.SnapshotInfo;
import io.bourse.engine.server.SyncServer;
import io.bourse.engine.snapshot.SnapshotFile;
import io.bourse.engine.snapshot.SnapshotStore;

/**
 * Live runs through the real pipeline and journal, then recovery from the files they left: the state hash must be
 * the same however the engine is rebuilt, and damaged snapshots are skipped rather than trusted.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecoveryTest
{
    private static final int COMMANDS = 12_000;
    private static final int SNAPSHOT_AT = 5_000;
    private static final long SEED = 20261201L;

    private final ExchangeConfig config = TestConfigs.standard();

    @TempDir
    Path dir;

    @Test
    void shouldReachTheLiveStateHashByFullReplayAndBySnapshotPlusTail() throws Exception
    {
        final ServerSettings settings = SyncServer.settings(dir);
        final long liveHash;
        final SnapshotInfo snapshot;
        try (SyncServer server = SyncServer.start(settings, config))
        {
            final RandomCommandGenerator generator = new RandomCommandGenerator(SEED, config);
            server.drive(generator, SNAPSHOT_AT);
            snapshot = server.server().takeSnapshot().get(30, TimeUnit.SECONDS);
            server.drive(generator, COMMANDS - SNAPSHOT_AT);
            liveHash = server.stateHash();
            assertThat(generator.stats().commandsWithTrades()).as("the stream trades").isPositive();
        }
        assertThat(snapshot.engineSequence()).isEqualTo(SNAPSHOT_AT);

        final RecoveryResult full = new Recovery(config, settings.journalDir(), null).recover();
        assertThat(full.snapshotSequence()).isZero();
        assertThat(full.entriesReplayed()).isEqualTo(COMMANDS);
        assertThat(full.lastSequence()).isEqualTo(COMMANDS);
        assertThat(full.stateHash()).isEqualTo(liveHash);

        final RecoveryResult fromSnapshot = new Recovery(config, settings.journalDir(), store(settings)).recover();
        assertThat(fromSnapshot.snapshotSequence()).isEqualTo(SNAPSHOT_AT);
        assertThat(fromSnapshot.entriesReplayed()).isEqualTo(COMMANDS - SNAPSHOT_AT);
        assertThat(fromSnapshot.stateHash()).isEqualTo(liveHash);
        assertThat(fromSnapshot.unfinishedTail()).isFalse();
    }

    @Test
    void shouldContinueTheSequenceAndTheStateAfterARestart() throws Exception
    {
        final ServerSettings settings = SyncServer.settings(dir);
        final RandomCommandGenerator generator = new RandomCommandGenerator(SEED, config);
        final long lastTimeNs;
        try (SyncServer server = SyncServer.start(settings, config))
        {
            lastTimeNs = server.drive(generator, 3_000).timeNs();
        }
        final long restartedHash;
        try (SyncServer server = SyncServer.start(settings, config))
        {
            assertThat(server.server().recovery().lastSequence()).isEqualTo(3_000);
            // The clock reads earlier than the last journaled time: engine time must still move forward.
            do
            {
                generator.next();
            }
            while (generator.length() == 0);
            final SyncServer.Reply first = server.send(generator.buffer(), generator.length(), lastTimeNs - 1_000_000);
            generator.onEvents(new UnsafeBuffer(first.events()), first.events().length);
            assertThat(first.sequence()).isEqualTo(3_001);
            assertThat(first.timeNs()).isGreaterThan(lastTimeNs);
            server.drive(generator, 2_000);
            restartedHash = server.stateHash();
        }
        final RecoveryResult replayed = new Recovery(config, settings.journalDir(), null).recover();
        assertThat(replayed.lastSequence()).isEqualTo(5_001);
        assertThat(replayed.stateHash()).isEqualTo(restartedHash);
    }

    @Test
    void shouldFallBackToAnOlderSnapshotWhenTheNewestIsCorrupt() throws Exception
    {
        final ServerSettings settings = SyncServer.settings(dir);
        final long liveHash;
        try (SyncServer server = SyncServer.start(settings, config))
        {
            final RandomCommandGenerator generator = new RandomCommandGenerator(SEED, config);
            server.drive(generator, 2_000);
            server.server().takeSnapshot().get(30, TimeUnit.SECONDS);
            server.drive(generator, 2_000);
            server.server().takeSnapshot().get(30, TimeUnit.SECONDS);
            server.drive(generator, 1_000);
            liveHash = server.stateHash();
        }
        final List<SnapshotFile> files = store(settings).list();
        assertThat(files).extracting(SnapshotFile::engineSequence).containsExactly(4_000L, 2_000L);
        flipByte(files.get(0).path(), Files.size(files.get(0).path()) / 2);

        final RecoveryResult result = new Recovery(config, settings.journalDir(), store(settings)).recover();
        assertThat(result.snapshotSequence()).isEqualTo(2_000);
        assertThat(result.skippedSnapshots()).hasSize(1);
        assertThat(result.skippedSnapshots().get(0).engineSequence()).isEqualTo(4_000);
        assertThat(result.entriesReplayed()).isEqualTo(3_000);
        assertThat(result.stateHash()).isEqualTo(liveHash);
        assertThat(result.describe()).contains("skipped snapshot");
    }

    @Test
    void shouldSkipASnapshotThatCoversMoreThanTheJournal() throws Exception
    {
        // Run A goes further and snapshots; run B journals only a prefix of the same stream (as if a power loss had
        // taken the journal's unsynced tail but not the snapshot). B's recovery must not trust A's snapshot.
        final Path runA = dir.resolve("a");
        final Path runB = dir.resolve("b");
        try (SyncServer server = SyncServer.start(SyncServer.settings(runA), config))
        {
            server.drive(new RandomCommandGenerator(SEED, config), 3_000);
            server.server().takeSnapshot().get(30, TimeUnit.SECONDS);
        }
        final long prefixHash;
        try (SyncServer server = SyncServer.start(SyncServer.settings(runB), config))
        {
            server.drive(new RandomCommandGenerator(SEED, config), 1_000);
            prefixHash = server.stateHash();
        }
        final SnapshotStore snapshotsOfA = store(SyncServer.settings(runA));
        final RecoveryResult result = new Recovery(config, SyncServer.settings(runB).journalDir(), snapshotsOfA)
            .recover();
        assertThat(result.snapshotSequence()).isZero();
        assertThat(result.skippedSnapshots()).singleElement()
            .satisfies(skipped -> assertThat(skipped.reason()).contains("beyond"));
        assertThat(result.lastSequence()).isEqualTo(1_000);
        assertThat(result.stateHash()).isEqualTo(prefixHash);
    }

    @Test
    void shouldStartEmptyWithoutAJournal()
    {
        final RecoveryResult result = new Recovery(config, dir.resolve("none"), null).recover();
        assertThat(result.lastSequence()).isZero();
        assertThat(result.entriesReplayed()).isZero();
        assertThat(result.stateHash()).isEqualTo(new ExchangeEngine(config).stateHash());
    }

    private static SnapshotStore store(final ServerSettings settings) throws IOException
    {
        return new SnapshotStore(settings.snapshotDir(), settings.snapshotRetention());
    }

    static void flipByte(final Path file, final long offset) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        bytes[(int)offset] ^= 0x10;
        Files.write(file, bytes);
    }
}
