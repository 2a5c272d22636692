package io.bourse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.TestConfigs;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.differential.RandomCommandGenerator;
import io.bourse.engine.snapshot.SnapshotFile;
import io.bourse.engine.snapshot.SnapshotStore;

/** The in-process server: admin queries and snapshots run in sequence with commands; periodic snapshots happen. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EngineServerTest
{
    private final ExchangeConfig config = TestConfigs.standard();

    @TempDir
    Path dir;

    @Test
    void shouldAnswerQueriesWithTheStateAfterEveryEarlierCommand() throws Exception
    {
        try (SyncServer server = SyncServer.start(SyncServer.settings(dir), config))
        {
            final RandomCommandGenerator generator = new RandomCommandGenerator(3, config);
            final SyncServer.Reply last = server.drive(generator, 2_000);
            final long accounts = server.server().query(view ->
            {
                final long[] count = new long[1];
                view.forEachAccount(id -> count[0]++);
                return count[0];
            }).get(10, TimeUnit.SECONDS);
            assertThat(accounts).isPositive();
            assertThat(server.server().stats().lastJournaledSequence()).isEqualTo(last.sequence());
            assertThat(server.server().stats().ringOccupancy()).isZero();
        }
    }

    @Test
    void shouldReportAFailingQueryToItsCallerAndKeepRunning() throws Exception
    {
        try (SyncServer server = SyncServer.start(SyncServer.settings(dir), config))
        {
            server.drive(new RandomCommandGenerator(4, config), 100);
            final var failing = server.server().query(view ->
            {
                throw new IllegalStateException("query bug");
            });
            assertThat(failing).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                .isInstanceOf(ExecutionException.class).withMessageContaining("query bug");
            assertThat(server.server().failed()).isFalse();
            assertThat(server.drive(new RandomCommandGenerator(5, config), 10).sequence()).isEqualTo(110);
        }
    }

    @Test
    void shouldTakePeriodicSnapshotsWithoutBeingAsked() throws Exception
    {
        final ServerSettings settings = SyncServer.settings(dir).withSnapshotEveryCommands(500);
        try (SyncServer server = SyncServer.start(settings, config))
        {
            server.drive(new RandomCommandGenerator(6, config), 1_600);
        }
        final List<SnapshotFile> files = new SnapshotStore(settings.snapshotDir(), 3).list();
        assertThat(files).extracting(SnapshotFile::engineSequence).containsExactly(1_500L, 1_000L, 500L);
    }

    @Test
    void shouldTakeAFinalSnapshotOnCloseWhenConfigured() throws Exception
    {
        final ServerSettings settings = SyncServer.settings(dir).withSnapshotOnShutdown(true);
        final long hash;
        try (SyncServer server = SyncServer.start(settings, config))
        {
            server.drive(new RandomCommandGenerator(7, config), 700);
            hash = server.stateHash();
        }
        try (SyncServer server = SyncServer.start(settings, config))
        {
            assertThat(server.server().recovery().snapshotSequence()).isEqualTo(700);
            assertThat(server.server().recovery().entriesReplayed()).isZero();
            assertThat(server.stateHash()).isEqualTo(hash);
        }
    }

    @Test
    void shouldRefuseASnapshotBeforeAnyCommand() throws Exception
    {
        try (SyncServer server = SyncServer.start(SyncServer.settings(dir), config))
        {
            assertThat(server.server().takeSnapshot()).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                .withMessageContaining("nothing to snapshot");
        }
        assertThat(Files.list(dir.resolve("snapshots")).count()).isZero();
    }
}
