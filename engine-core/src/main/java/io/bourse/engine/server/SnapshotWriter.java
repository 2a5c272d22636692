package io.bourse.engine.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.bourse.engine.snapshot.SnapshotImage;
import io.bourse.engine.snapshot.SnapshotStore;

/**
 * Writes captured snapshots to the {@link SnapshotStore} on its own thread, one at a time and in order, so neither
 * the engine thread nor the reply thread waits for disk. A failed write is reported and does not stop the engine:
 * the journal alone is enough to recover, snapshots only make it faster.
 */
final class SnapshotWriter implements AutoCloseable
{
    private final SnapshotStore store;
    private final Consumer<String> log;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "bourse-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });

    SnapshotWriter(final SnapshotStore store, final Consumer<String> log)
    {
        this.store = store;
        this.log = log;
    }

    /** For periodic snapshots: fire and forget (failures are logged). Called on the reply thread. */
    void submit(final SnapshotImage image)
    {
        submit(image, 0, new CompletableFuture<>());
    }

    /** Writes {@code image}; completes {@code done} with the written file, or exceptionally. */
    void submit(final SnapshotImage image, final long stateHash, final CompletableFuture<SnapshotInfo> done)
    {
        try
        {
            executor.execute(() -> write(image, stateHash, done));
        }
        catch (final RejectedExecutionException ex)
        {
            done.completeExceptionally(new IllegalStateException("snapshot writer is closed", ex));
        }
    }

    private void write(final SnapshotImage image, final long stateHash, final CompletableFuture<SnapshotInfo> done)
    {
        try
        {
            final Path path = store.write(image);
            log.accept("snapshot written: sequence " + image.engineSequence() + ", " + image.length() + " bytes, "
                + path);
            done.complete(new SnapshotInfo(image.engineSequence(), path, stateHash));
        }
        catch (final IOException | RuntimeException ex)
        {
            log.accept("snapshot at sequence " + image.engineSequence() + " NOT written (recovery will use an older"
                + " one or the journal): " + ex);
            done.completeExceptionally(ex);
        }
    }

    /** Finishes the writes already submitted, then stops the thread. */
    @Override
    public void close()
    {
        executor.shutdown();
        try
        {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS))
            {
                log.accept("snapshot writer did not finish within 60 s; an interrupted write leaves only a temp file");
                executor.shutdownNow();
            }
        }
        catch (final InterruptedException ex)
        {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
