package io.bourse.engine.server;

import java.util.concurrent.CompletableFuture;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.pipeline.EngineTask;
import io.bourse.engine.snapshot.SnapshotImage;

/**
 * An on-demand snapshot: captured on the engine thread in sequence with the commands, handed to the
 * {@link SnapshotWriter} once the commands it covers are journaled; completes when the file is durable.
 */
final class SnapshotTask implements EngineTask
{
    final CompletableFuture<SnapshotInfo> result = new CompletableFuture<>();
    private final SnapshotWriter writer;
    private SnapshotImage image;
    private long stateHash;

    SnapshotTask(final SnapshotWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public void runOnEngine(final ExchangeEngine engine, final long lastSequence, final long lastEngineTimeNs)
    {
        if (lastSequence == 0)
        {
            throw new IllegalStateException("nothing to snapshot: no command has been processed yet");
        }
        image = SnapshotImage.capture(engine, lastSequence, lastEngineTimeNs);
        stateHash = engine.stateHash();
    }

    @Override
    public void afterJournaled()
    {
        writer.submit(image, stateHash, result);
    }

    @Override
    public void failed(final Throwable cause)
    {
        result.completeExceptionally(cause);
    }
}
