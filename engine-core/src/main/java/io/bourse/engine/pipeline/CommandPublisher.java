package io.bourse.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * Publishes commands into the ring without blocking or allocating: claim a slot if one is free, fill it, publish.
 * Thread-safe: any number of producer threads may share one publisher.
 */
public final class CommandPublisher
{
    /** The ring is full: nothing was published; the caller should reject with a "busy" reason. */
    public static final long BUSY = -1;
    /** The pipeline failed (fail-stop) or is closed: nothing was published and nothing will be accepted. */
    public static final long FAILED = -2;

    private final RingBuffer<CommandSlot> ringBuffer;
    private final FailStop failStop;
    private volatile boolean closed;

    CommandPublisher(final RingBuffer<CommandSlot> ringBuffer, final FailStop failStop)
    {
        this.ringBuffer = ringBuffer;
        this.failStop = failStop;
    }

    /**
     * Claims a slot, lets {@code filler} write the command into it and publishes it.
     *
     * @return the ring sequence of the published slot (not the engine sequence, which stage 1 assigns), or
     * {@link #BUSY} or {@link #FAILED}.
     */
    public <A> long tryPublish(final CommandFiller<A> filler, final A arg)
    {
        return tryPublish(filler, arg, 0);
    }

    /**
     * As {@link #tryPublish(CommandFiller, Object)}, tagging the command with {@code sourceId} (see
     * {@link CommandSlot#sourceId()}) so replies can be routed back to whoever sent it.
     */
    public <A> long tryPublish(final CommandFiller<A> filler, final A arg, final long sourceId)
    {
        final long sequence = tryClaim();
        if (sequence < 0)
        {
            return sequence;
        }
        final CommandSlot slot = ringBuffer.get(sequence);
        // A claimed sequence must always be published or the ring stalls: a filler that throws leaves an empty slot.
        slot.commandLength = 0;
        slot.sourceId = sourceId;
        slot.task = null;
        try
        {
            slot.commandLength = filler.fill(slot.commandBuffer(), arg);
        }
        finally
        {
            ringBuffer.publish(sequence);
        }
        return sequence;
    }

    /**
     * Publishes a task to run on the engine thread between commands (see {@link EngineTask}).
     *
     * @return the ring sequence, or {@link #BUSY} or {@link #FAILED}; in those cases the task is not called.
     */
    public long tryPublishTask(final EngineTask task)
    {
        final long sequence = tryClaim();
        if (sequence < 0)
        {
            return sequence;
        }
        final CommandSlot slot = ringBuffer.get(sequence);
        slot.commandLength = 0;
        slot.sourceId = 0;
        slot.task = task;
        ringBuffer.publish(sequence);
        return sequence;
    }

    /** Claims the next slot without waiting: its sequence, or {@link #BUSY} or {@link #FAILED}. */
    private long tryClaim()
    {
        if (closed || failStop.failed())
        {
            return FAILED;
        }
        try
        {
            return ringBuffer.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return BUSY;
        }
    }

    void close()
    {
        closed = true;
    }
}
