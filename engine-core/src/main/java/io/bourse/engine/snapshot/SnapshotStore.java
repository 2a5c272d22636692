package io.bourse.engine.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.SnapshotCodec;
import io.bourse.engine.config.ExchangeConfig;

/**
 * A directory of engine snapshots, one file per covered engine sequence. Writes are atomic and durable (temp file,
 * fsync, rename, fsync directory), so a crash leaves either the complete new file or none (plus an ignored temp
 * file); loading takes the newest snapshot that verifies and reports each one it skipped. One thread at a time
 * (the engine thread writes; recovery loads before the pipeline starts).
 */
public final class SnapshotStore
{
    /** {@link LoadedSnapshot#engineSequence()} when no snapshot was valid: nothing has been applied. */
    public static final long NO_SNAPSHOT = 0;

    private final Path dir;
    private final int retainCount;

    /**
     * @param retainCount how many newest snapshots {@link #prune()} keeps, at least 1 (2 or more lets loading fall
     *                    back when the newest is damaged).
     */
    public SnapshotStore(final Path dir, final int retainCount) throws IOException
    {
        if (retainCount < 1)
        {
            throw new IllegalArgumentException("retainCount must be at least 1: " + retainCount);
        }
        this.dir = dir;
        this.retainCount = retainCount;
        Files.createDirectories(dir);
    }

    public Path dir()
    {
        return dir;
    }

    /**
     * Writes the engine's state as the snapshot covering {@code engineSequence} (the last command applied, processed
     * at {@code engineTimeNs}), durably, then prunes to the retention count.
     *
     * @return the snapshot file.
     */
    public Path write(final long engineSequence, final long engineTimeNs, final ExchangeEngine engine) throws IOException
    {
        return write(SnapshotImage.capture(engine, engineSequence, engineTimeNs));
    }

    /**
     * Writes a captured snapshot durably (temp file, fsync, atomic rename, directory fsync), then prunes to the
     * retention count.
     *
     * @return the snapshot file.
     */
    public Path write(final SnapshotImage image) throws IOException
    {
        final long engineSequence = image.engineSequence();
        final int fileLength = image.length();
        final String name = SnapshotFile.fileName(engineSequence);
        final Path target = dir.resolve(name);
        final Path temp = dir.resolve(name + SnapshotFile.TEMP_SUFFIX);
        try
        {
            try (FileChannel channel = FileChannel.open(temp,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                final ByteBuffer bytes = ByteBuffer.wrap(image.bytes(), 0, fileLength);
                while (bytes.hasRemaining())
                {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        }
        catch (final IOException ex)
        {
            try
            {
                Files.deleteIfExists(temp);
            }
            catch (final IOException suppressed)
            {
                ex.addSuppressed(suppressed);
            }
            throw ex;
        }
        prune();
        return target;
    }

    /** Every complete snapshot file, newest (highest sequence) first; temp and foreign files are ignored. */
    public List<SnapshotFile> list() throws IOException
    {
        final List<SnapshotFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir))
        {
            for (final Path path : entries)
            {
                final long sequence = SnapshotFile.parseSequence(path.getFileName().toString());
                if (sequence > NO_SNAPSHOT && Files.isRegularFile(path))
                {
                    files.add(new SnapshotFile(sequence, path));
                }
            }
        }
        files.sort(Comparator.comparingLong(SnapshotFile::engineSequence).reversed());
        return files;
    }

    /** {@link #loadNewestValid(ExchangeConfig, long)} with no upper bound. */
    public LoadedSnapshot loadNewestValid(final ExchangeConfig config) throws IOException
    {
        return loadNewestValid(config, Long.MAX_VALUE);
    }

    /**
     * Restores the newest snapshot that is intact and matches {@code config}, trying older ones when one is corrupt,
     * truncated, unreadable or covers more than {@code maxEngineSequence} (e.g. beyond the end of the journal); each
     * skipped file is listed with the reason. With no valid snapshot the result holds a fresh engine.
     */
    public LoadedSnapshot loadNewestValid(final ExchangeConfig config, final long maxEngineSequence) throws IOException
    {
        final List<SkippedSnapshot> skipped = new ArrayList<>();
        for (final SnapshotFile file : list())
        {
            if (file.engineSequence() > maxEngineSequence)
            {
                skipped.add(new SkippedSnapshot(file.engineSequence(), file.path(),
                    "covers sequence " + file.engineSequence() + ", beyond the allowed " + maxEngineSequence));
                continue;
            }
            try
            {
                final byte[] bytes = Files.readAllBytes(file.path());
                final UnsafeBuffer contents = new UnsafeBuffer(bytes);
                final int payloadLength = SnapshotFileFormat.verifyHeader(contents, bytes.length, file.engineSequence());
                final ExchangeEngine engine = SnapshotCodec.read(config, contents, SnapshotFileFormat.HEADER_LENGTH, payloadLength);
                return new LoadedSnapshot(file.engineSequence(), SnapshotFileFormat.engineTimeNs(contents), engine,
                    file.path(), List.copyOf(skipped));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                skipped.add(new SkippedSnapshot(file.engineSequence(), file.path(), String.valueOf(ex.getMessage())));
            }
        }
        return new LoadedSnapshot(NO_SNAPSHOT, 0, new ExchangeEngine(config), null, List.copyOf(skipped));
    }

    /**
     * Deletes all but the newest {@code retainCount} snapshots, and leftover temp files of interrupted writes.
     *
     * @return the deleted files.
     */
    public List<Path> prune() throws IOException
    {
        final List<Path> deleted = new ArrayList<>();
        final List<SnapshotFile> files = list();
        for (int i = retainCount; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i).path());
            deleted.add(files.get(i).path());
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir))
        {
            for (final Path path : entries)
            {
                if (SnapshotFile.isTemp(path.getFileName().toString()))
                {
                    Files.deleteIfExists(path);
                    deleted.add(path);
                }
            }
        }
        if (!deleted.isEmpty())
        {
            forceDirectory();
        }
        return deleted;
    }

    private void forceDirectory() throws IOException
    {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ))
        {
            directory.force(true);
        }
    }
}
