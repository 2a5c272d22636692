package io.bourse.engine.pipeline;

import java.util.function.Consumer;

import io.bourse.engine.snapshot.SnapshotImage;

/** Configuration of a {@link Pipeline}: ring size, wait strategy, engine clock and periodic snapshots. Not thread-safe; set, then build. */
public final class PipelineContext
{
    public static final int DEFAULT_RING_SIZE = 16 * 1024;
    public static final long DEFAULT_CLOSE_TIMEOUT_NS = 10_000_000_000L;

    private int ringSize = DEFAULT_RING_SIZE;
    private String waitStrategy = WaitStrategies.DEFAULT;
    private EngineClock clock = EngineClock.SYSTEM;
    private long closeTimeoutNs = DEFAULT_CLOSE_TIMEOUT_NS;
    private long lastEngineTimeNs = Long.MIN_VALUE;
    private long snapshotEveryCommands;
    private Consumer<SnapshotImage> snapshotSink = image -> { };

    /** Number of slots, a power of two. */
    public PipelineContext ringSize(final int ringSize)
    {
        if (ringSize < 1 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two: " + ringSize);
        }
        this.ringSize = ringSize;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    /** A name accepted by {@link WaitStrategies#fromName(String)}; checked when the pipeline is built. */
    public PipelineContext waitStrategy(final String waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    public String waitStrategy()
    {
        return waitStrategy;
    }

    public PipelineContext clock(final EngineClock clock)
    {
        this.clock = clock;
        return this;
    }

    public EngineClock clock()
    {
        return clock;
    }

    /** How long {@link Pipeline#close()} waits for the ring to drain before halting. */
    public PipelineContext closeTimeoutNs(final long closeTimeoutNs)
    {
        this.closeTimeoutNs = closeTimeoutNs;
        return this;
    }

    public long closeTimeoutNs()
    {
        return closeTimeoutNs;
    }

    /** The engine time of the last journaled command (after recovery), so engine time never goes backwards. */
    public PipelineContext lastEngineTimeNs(final long lastEngineTimeNs)
    {
        this.lastEngineTimeNs = lastEngineTimeNs;
        return this;
    }

    public long lastEngineTimeNs()
    {
        return lastEngineTimeNs;
    }

    /**
     * Capture a snapshot on the engine thread after every this many commands (0, the default, for never) and hand it
     * to {@code sink} on the reply thread once the commands it covers are journaled. The sink must not block.
     */
    public PipelineContext periodicSnapshots(final long everyCommands, final Consumer<SnapshotImage> sink)
    {
        if (everyCommands < 0)
        {
            throw new IllegalArgumentException("snapshot interval must not be negative: " + everyCommands);
        }
        this.snapshotEveryCommands = everyCommands;
        this.snapshotSink = sink;
        return this;
    }

    public long snapshotEveryCommands()
    {
        return snapshotEveryCommands;
    }

    public Consumer<SnapshotImage> snapshotSink()
    {
        return snapshotSink;
    }
}
