package io.bourse.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.TestConfigs;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.differential.RandomCommandGenerator;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.snapshot.SnapshotFile;
import io.bourse.engine.snapshot.SnapshotStore;
import io.bourse.sbe.BooleanType;

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
            // The query's own slot is released once the reply stage moves past it, just after the future completes.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.server().stats().ringOccupancy() != 0 && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
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
    void shouldHandAQueryResultToTheReplyThreadBetweenTheRepliesBeforeAndAfterIt() throws Exception
    {
        final List<Long> replied = new ArrayList<>();
        final AtomicLong repliedAtHandOff = new AtomicLong(-1);
        final AtomicReference<String> handOffThread = new AtomicReference<>();
        final ReplyListener listener = (slot, endOfBatch) -> replied.add(slot.engineSequence());
        final CommandFiller<Long> createAccount = (buffer, accountId) ->
        {
            final CommandWriter writer = new CommandWriter().wrap(buffer);
            writer.createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason("test");
            return writer.length();
        };
        try (EngineServer server = EngineServer.start(SyncServer.settings(dir), config, List.of(listener), line -> { }))
        {
            CompletableFuture<Long> query = null;
            // Published back to back, so the reply thread is still busy with earlier commands when the query runs.
            for (long accountId = 1; accountId <= 600; accountId++)
            {
                assertThat(server.publisher().tryPublish(createAccount, accountId)).isNotNegative();
                if (accountId == 300)
                {
                    query = server.query(view ->
                    {
                        final long[] accounts = new long[1];
                        view.forEachAccount(id -> accounts[0]++);
                        return accounts[0] - 1;
                    }, accounts ->
                    {
                        repliedAtHandOff.set(replied.size());
                        handOffThread.set(Thread.currentThread().getName());
                    });
                }
            }
            assertThat(query.get(10, TimeUnit.SECONDS)).as("accounts created before the query").isEqualTo(300);
            assertThat(repliedAtHandOff.get()).as("replies before the hand-off").isEqualTo(300);
            assertThat(handOffThread.get()).isEqualTo("bourse-reply");

            final var failing = server.query(view -> 0, value ->
            {
                throw new IllegalStateException("hand-off bug");
            });
            assertThat(failing).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                .withMessageContaining("hand-off bug");
            assertThat(server.query(view -> 1).get(10, TimeUnit.SECONDS)).as("still serving").isEqualTo(1);
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
