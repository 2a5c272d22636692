package io.bourse.engine.server;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.differential.RandomCommandGenerator;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.engine.pipeline.CommandSlot;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.pipeline.WaitStrategies;

/**
 * An in-process {@link EngineServer} driven one command at a time: each send waits for the journaled reply, and the
 * engine clock is set per command, so a seeded command stream produces the same journal every time.
 */
public final class SyncServer implements AutoCloseable
{
    private static final CommandFiller<SyncServer> FILL = (buffer, self) -> self.fill(buffer);

    private final EngineServer server;
    private final BlockingQueue<Reply> replies = new ArrayBlockingQueue<>(16);
    private volatile long nowNs;
    private DirectBuffer pending;
    private int pendingLength;

    public record Reply(long sequence, long timeNs, byte[] events)
    {
    }

    private SyncServer(final ServerSettings settings, final ExchangeConfig config)
    {
        final ReplyListener listener = (slot, endOfBatch) -> replies.add(copy(slot));
        server = EngineServer.start(settings, config, List.of(listener), line -> { }, () -> nowNs);
    }

    /** Settings for a test: directories under {@code dir}, no fsync, a small ring, no automatic snapshots. */
    public static ServerSettings settings(final Path dir)
    {
        return new ServerSettings(dir.resolve("journal"), dir.resolve("snapshots"), FsyncPolicy.NONE, 1024,
            WaitStrategies.DEFAULT, 0, 3, false);
    }

    public static SyncServer start(final ServerSettings settings, final ExchangeConfig config)
    {
        return new SyncServer(settings, config);
    }

    public EngineServer server()
    {
        return server;
    }

    /** Publishes one command processed at {@code timeNs} and waits until it is journaled. */
    public Reply send(final DirectBuffer command, final int length, final long timeNs)
    {
        nowNs = timeNs;
        pending = command;
        pendingLength = length;
        final long published = server.publisher().tryPublish(FILL, this);
        if (published < 0)
        {
            throw new IllegalStateException("publish failed: " + published);
        }
        try
        {
            final Reply reply = replies.poll(30, TimeUnit.SECONDS);
            if (reply == null)
            {
                throw new IllegalStateException("no reply within 30 s; pipeline failed: " + server.failureCause());
            }
            return reply;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Sends {@code count} commands of a seeded random stream (skipping empty ones, which are never journaled),
     * feeding each one's events back to the generator.
     *
     * @return the last reply.
     */
    public Reply drive(final RandomCommandGenerator generator, final int count)
    {
        Reply last = null;
        int sent = 0;
        while (sent < count)
        {
            generator.next();
            if (generator.length() == 0)
            {
                continue;
            }
            last = send(generator.buffer(), generator.length(), generator.nowNs());
            generator.onEvents(new UnsafeBuffer(last.events()), last.events().length);
            sent++;
        }
        return last;
    }

    /** The engine's state hash, read on the engine thread. */
    public long stateHash() throws Exception
    {
        return server.query(view -> view.stateHash()).get(30, TimeUnit.SECONDS);
    }

    private int fill(final MutableDirectBuffer buffer)
    {
        buffer.putBytes(0, pending, 0, pendingLength);
        return pendingLength;
    }

    private static Reply copy(final CommandSlot slot)
    {
        final byte[] events = new byte[slot.events().length()];
        slot.events().buffer().getBytes(0, events);
        return new Reply(slot.engineSequence(), slot.engineTimeNs(), events);
    }

    @Override
    public void close()
    {
        server.close();
    }
}
