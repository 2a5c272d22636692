package io.bourse.engine.server;

import java.nio.file.Path;
import java.util.Locale;

import com.typesafe.config.Config;

import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.PipelineContext;
import io.bourse.engine.pipeline.WaitStrategies;

/**
 * The {@code bourse.pipeline} section of the config: journal and snapshot directories, fsync policy, ring size, wait
 * strategy, snapshot interval, retention and the shutdown snapshot. Immutable; the {@code with} methods copy.
 */
public record ServerSettings(
    Path journalDir,
    Path snapshotDir,
    FsyncPolicy fsync,
    int ringSize,
    String waitStrategy,
    long snapshotEveryCommands,
    int snapshotRetention,
    boolean snapshotOnShutdown)
{
    private static final String SECTION = "bourse.pipeline.";

    public ServerSettings
    {
        if (ringSize < 1 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException(SECTION + "ring-size must be a power of two: " + ringSize);
        }
        WaitStrategies.fromName(waitStrategy);
        if (snapshotEveryCommands < 0)
        {
            throw new IllegalArgumentException(SECTION + "snapshot-every-commands must be >= 0: " + snapshotEveryCommands);
        }
        if (snapshotRetention < 1)
        {
            throw new IllegalArgumentException(SECTION + "snapshot-retention must be >= 1: " + snapshotRetention);
        }
    }

    /** Reads {@code bourse.pipeline.*}; relative directories resolve against the working directory. */
    public static ServerSettings fromConfig(final Config config)
    {
        return new ServerSettings(
            Path.of(config.getString(SECTION + "journal-dir")),
            Path.of(config.getString(SECTION + "snapshot-dir")),
            fsyncPolicy(config.getString(SECTION + "fsync")),
            config.getInt(SECTION + "ring-size"),
            config.getString(SECTION + "wait-strategy"),
            config.getLong(SECTION + "snapshot-every-commands"),
            config.getInt(SECTION + "snapshot-retention"),
            config.getBoolean(SECTION + "snapshot-on-shutdown"));
    }

    /** {@code none}, {@code batch} or {@code every}, as written in the config. */
    public static FsyncPolicy fsyncPolicy(final String name)
    {
        try
        {
            return FsyncPolicy.valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(
                SECTION + "fsync must be one of none, batch, every: '" + name + "'", ex);
        }
    }

    public ServerSettings withJournalDir(final Path dir)
    {
        return new ServerSettings(dir, snapshotDir, fsync, ringSize, waitStrategy, snapshotEveryCommands,
            snapshotRetention, snapshotOnShutdown);
    }

    public ServerSettings withSnapshotDir(final Path dir)
    {
        return new ServerSettings(journalDir, dir, fsync, ringSize, waitStrategy, snapshotEveryCommands,
            snapshotRetention, snapshotOnShutdown);
    }

    public ServerSettings withFsync(final FsyncPolicy policy)
    {
        return new ServerSettings(journalDir, snapshotDir, policy, ringSize, waitStrategy, snapshotEveryCommands,
            snapshotRetention, snapshotOnShutdown);
    }

    public ServerSettings withSnapshotEveryCommands(final long everyCommands)
    {
        return new ServerSettings(journalDir, snapshotDir, fsync, ringSize, waitStrategy, everyCommands,
            snapshotRetention, snapshotOnShutdown);
    }

    public ServerSettings withSnapshotOnShutdown(final boolean onShutdown)
    {
        return new ServerSettings(journalDir, snapshotDir, fsync, ringSize, waitStrategy, snapshotEveryCommands,
            snapshotRetention, onShutdown);
    }

    /** The pipeline part of these settings. */
    PipelineContext pipelineContext()
    {
        return new PipelineContext().ringSize(ringSize).waitStrategy(waitStrategy);
    }
}
