package io.bourse.engine.snapshot;

import java.nio.file.Path;
import java.util.List;

import io.bourse.engine.ExchangeEngine;

/**
 * The result of {@link SnapshotStore#loadNewestValid}: the restored engine and the sequence and engine time it
 * covers, plus every newer snapshot that was skipped and why. When no snapshot was valid, {@code engine} is a fresh
 * one, {@code engineSequence} is {@link SnapshotStore#NO_SNAPSHOT} and {@code path} is null: replay from the start.
 */
public record LoadedSnapshot(
    long engineSequence, long engineTimeNs, ExchangeEngine engine, Path path, List<SkippedSnapshot> skipped)
{
    /** Whether a snapshot was loaded, as opposed to starting from an empty engine. */
    public boolean found()
    {
        return path != null;
    }
}
