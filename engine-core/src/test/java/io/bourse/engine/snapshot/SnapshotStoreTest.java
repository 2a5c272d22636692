package io.bourse.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.TestConfigs;

class SnapshotStoreTest
{
    @TempDir
    Path dir;

    private final EngineFixture fixture = new EngineFixture();

    @Test
    void shouldLoadTheNewestSnapshotWithTheStateItWasTakenAt() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 5);
        fixture.placeOrders(3);
        store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        fixture.placeOrders(2);
        final Path newest = store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);

        final LoadedSnapshot loaded = store.loadNewestValid(TestConfigs.standard());

        assertThat(loaded.found()).isTrue();
        assertThat(loaded.path()).isEqualTo(newest);
        assertThat(loaded.engineSequence()).isEqualTo(fixture.sequence());
        assertThat(loaded.engineTimeNs()).isEqualTo(fixture.timeNs());
        assertThat(loaded.skipped()).isEmpty();
        assertThat(loaded.engine().stateHash()).isEqualTo(fixture.engine.stateHash());
        assertThat(loaded.engine().heldMinor(EngineFixture.BUYER, TestConfigs.USDT))
            .as("resting bids hold quote").isPositive()
            .isEqualTo(fixture.engine.heldMinor(EngineFixture.BUYER, TestConfigs.USDT));
    }

    @Test
    void shouldListNewestFirstIgnoringTempAndForeignFiles() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 5);
        for (final long sequence : new long[]{200, 10, 3_000})
        {
            store.write(sequence, fixture.timeNs(), fixture.engine);
        }
        Files.write(dir.resolve("snapshot-0000000000000009999.bin.tmp"), new byte[]{1, 2, 3});
        Files.write(dir.resolve("notes.txt"), new byte[]{4});
        Files.write(dir.resolve("snapshot-12.bin"), new byte[]{5});

        assertThat(store.list()).extracting(SnapshotFile::engineSequence).containsExactly(3_000L, 200L, 10L);
        assertThat(store.list().get(0).path().getFileName().toString()).isEqualTo("snapshot-0000000000000003000.bin");
    }

    @Test
    void shouldIgnoreALeftoverTempFileOfAnInterruptedWrite() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 5);
        fixture.placeOrders(1);
        final Path written = store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        // A crash between writing the temp file and renaming it leaves a complete-looking temp file behind.
        final Path leftover = dir.resolve(SnapshotFile.fileName(fixture.sequence() + 100) + SnapshotFile.TEMP_SUFFIX);
        Files.copy(written, leftover);

        final LoadedSnapshot loaded = store.loadNewestValid(TestConfigs.standard());

        assertThat(loaded.path()).isEqualTo(written);
        assertThat(loaded.skipped()).isEmpty();
        assertThat(store.prune()).containsExactly(leftover);
        assertThat(leftover).doesNotExist();
    }

    @Test
    void shouldFallBackToThePreviousSnapshotWhenTheNewestIsCorrupt() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        fixture.placeOrders(2);
        final long previousHash = fixture.engine.stateHash();
        final Path previous = store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        fixture.placeOrders(2);
        final Path newest = store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        flipByte(newest, Files.size(newest) / 2);

        final LoadedSnapshot loaded = store.loadNewestValid(TestConfigs.standard());

        assertThat(loaded.path()).isEqualTo(previous);
        assertThat(loaded.engine().stateHash()).isEqualTo(previousHash);
        assertThat(loaded.skipped()).singleElement().satisfies(skipped ->
        {
            assertThat(skipped.path()).isEqualTo(newest);
            assertThat(skipped.engineSequence()).isEqualTo(fixture.sequence());
            assertThat(skipped.reason()).contains("checksum");
        });
    }

    @Test
    void shouldFallBackToThePreviousSnapshotWhenTheNewestIsTruncated() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        fixture.placeOrders(2);
        final Path previous = store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        fixture.placeOrders(2);
        final Path newest = store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE))
        {
            channel.truncate(channel.size() / 2);
        }

        final LoadedSnapshot loaded = store.loadNewestValid(TestConfigs.standard());

        assertThat(loaded.path()).isEqualTo(previous);
        assertThat(loaded.skipped()).singleElement()
            .satisfies(skipped -> assertThat(skipped.reason()).contains("truncated"));
    }

    @Test
    void shouldSkipASnapshotWhoseContentsCoverAnotherSequenceThanItsName() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        final Path written = store.write(10, fixture.timeNs(), fixture.engine);
        Files.copy(written, dir.resolve(SnapshotFile.fileName(20)));

        final LoadedSnapshot loaded = store.loadNewestValid(TestConfigs.standard());

        assertThat(loaded.engineSequence()).isEqualTo(10);
        assertThat(loaded.skipped()).singleElement()
            .satisfies(skipped -> assertThat(skipped.reason()).contains("covers sequence 10 but is named for 20"));
    }

    @Test
    void shouldSkipSnapshotsBeyondTheAllowedSequence() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        store.write(10, fixture.timeNs(), fixture.engine);
        store.write(20, fixture.timeNs(), fixture.engine);

        final LoadedSnapshot loaded = store.loadNewestValid(TestConfigs.standard(), 15);

        assertThat(loaded.engineSequence()).isEqualTo(10);
        assertThat(loaded.skipped()).extracting(SkippedSnapshot::engineSequence).containsExactly(20L);
    }

    @Test
    void shouldStartFromAnEmptyEngineWhenNoSnapshotIsValid() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        fixture.placeOrders(1);
        final Path only = store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        flipByte(only, 3);

        final LoadedSnapshot loaded = store.loadNewestValid(TestConfigs.standard());

        assertThat(loaded.found()).isFalse();
        assertThat(loaded.path()).isNull();
        assertThat(loaded.engineSequence()).isEqualTo(SnapshotStore.NO_SNAPSHOT);
        assertThat(loaded.engine().stateHash()).isEqualTo(new ExchangeEngine(TestConfigs.standard()).stateHash());
        assertThat(loaded.skipped()).extracting(SkippedSnapshot::path).containsExactly(only);
    }

    @Test
    void shouldStartFromAnEmptyEngineWhenThereAreNoSnapshots() throws IOException
    {
        final LoadedSnapshot loaded = new SnapshotStore(dir.resolve("new"), 3).loadNewestValid(TestConfigs.standard());

        assertThat(loaded.found()).isFalse();
        assertThat(loaded.skipped()).isEmpty();
    }

    @Test
    void shouldPruneToTheRetentionCountAfterEachWrite() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(dir, 3);
        for (int i = 1; i <= 6; i++)
        {
            fixture.placeOrders(1);
            store.write(fixture.sequence(), fixture.timeNs(), fixture.engine);
        }

        final List<SnapshotFile> kept = store.list();

        assertThat(kept).hasSize(3);
        assertThat(kept.get(0).engineSequence()).isEqualTo(fixture.sequence());
        assertThat(kept).extracting(SnapshotFile::engineSequence).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        try (Stream<Path> files = Files.list(dir))
        {
            assertThat(files.count()).as("nothing but the kept snapshots").isEqualTo(3);
        }
    }

    @Test
    void shouldRefuseARetentionBelowOne()
    {
        assertThatThrownBy(() -> new SnapshotStore(dir, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void flipByte(final Path file, final long offset) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        bytes[(int)offset] ^= 0x10;
        Files.write(file, bytes);
    }
}
