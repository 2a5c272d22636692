package io.bourse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.agrona.MutableDirectBuffer;

import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.pipeline.CommandFiller;
import io.bourse.engine.pipeline.CommandPublisher;
import io.bourse.engine.pipeline.ReplyListener;
import io.bourse.engine.server.EngineServer;
import io.bourse.engine.server.ServerSettings;

/**
 * An {@link EngineServer} (pipeline with journaling) running the mixed stream: the engine clock hands out the
 * stream's own command times, so the pipeline does exactly what the engine benchmark's loop does, plus the journal.
 * One producer thread publishes; {@link #publishBody(int)} retries while the ring is full.
 */
final class PipelineRig implements AutoCloseable
{
    private final MixedStream stream;
    private final EngineServer server;
    private final CommandPublisher publisher;
    private static final CommandFiller<PipelineRig> FILL = (buffer, rig) -> copy(rig.fillFrom, rig.fillIndex, buffer);
    /** What the producer thread is publishing; read by {@link #FILL} on the same thread. */
    private CommandStream fillFrom;
    private int fillIndex;
    /** Read only on the engine thread (one read per command): the stream's time of the command being processed. */
    private long clockReads;

    PipelineRig(
        final MixedStream stream,
        final Path dir,
        final FsyncPolicy fsync,
        final String waitStrategy,
        final int ringSize,
        final ReplyListener listener)
    {
        this.stream = stream;
        final int prefixSize = stream.prefix().size();
        final ServerSettings settings = new ServerSettings(dir.resolve("journal"), dir.resolve("snapshots"), fsync,
            ringSize, waitStrategy, 0, 3, false);
        final Consumer<String> quiet = line -> { };
        server = EngineServer.start(settings, stream.config(), List.of(listener), quiet, () ->
        {
            final long read = clockReads++;
            return read < prefixSize ? MixedStream.prefixTimeNs((int)read) : MixedStream.bodyTimeNs((int)(read - prefixSize));
        });
        publisher = server.publisher();
    }

    EngineServer server()
    {
        return server;
    }

    /** Publishes the whole prefix (accounts, deposits, resting books). */
    void publishPrefix()
    {
        for (int i = 0; i < stream.prefix().size(); i++)
        {
            publish(stream.prefix(), i);
        }
    }

    /** Publishes body command {@code index}, spinning while the ring is full. */
    void publishBody(final int index)
    {
        publish(stream.body(), index);
    }

    int prefixSize()
    {
        return stream.prefix().size();
    }

    private void publish(final CommandStream from, final int index)
    {
        fillFrom = from;
        fillIndex = index;
        while (true)
        {
            final long result = publisher.tryPublish(FILL, this);
            if (result >= 0)
            {
                return;
            }
            if (result == CommandPublisher.FAILED)
            {
                throw new IllegalStateException("pipeline failed: " + server.failureCause());
            }
            Thread.yield();
        }
    }

    private static int copy(final CommandStream commands, final int index, final MutableDirectBuffer buffer)
    {
        final int length = commands.length(index);
        buffer.putBytes(0, commands.buffer(), commands.offset(index), length);
        return length;
    }

    @Override
    public void close()
    {
        server.close();
    }

    /** Deletes a directory tree (a pass's journal and snapshots). */
    static void deleteTree(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path path : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
    }
}
