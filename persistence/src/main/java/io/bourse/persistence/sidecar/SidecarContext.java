package io.bourse.persistence.sidecar;

import java.nio.file.Path;

import io.bourse.engine.config.ExchangeConfig;
import io.bourse.persistence.db.Database;

/**
 * Settings of one sidecar run. {@code batchSize} caps the journal entries per transaction; {@code maxBatchLatencyMs}
 * caps how long an entry may wait for its batch to fill while tailing a live journal; {@code exitAtEnd} makes the
 * sidecar stop once it has applied every complete entry (draining a finished journal) instead of tailing.
 */
public record SidecarContext(
    ExchangeConfig config,
    Path journalDir,
    Database database,
    int batchSize,
    long maxBatchLatencyMs,
    boolean exitAtEnd,
    long maxBackoffMs)
{
    public static final int DEFAULT_BATCH_SIZE = 5_000;
    public static final long DEFAULT_MAX_BATCH_LATENCY_MS = 100;
    public static final long DEFAULT_MAX_BACKOFF_MS = 5_000;

    public SidecarContext
    {
        if (batchSize < 1)
        {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (maxBatchLatencyMs < 0)
        {
            throw new IllegalArgumentException("max batch latency must not be negative, got " + maxBatchLatencyMs);
        }
    }
}
