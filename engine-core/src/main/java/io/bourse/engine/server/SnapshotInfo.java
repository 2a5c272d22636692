package io.bourse.engine.server;

import java.nio.file.Path;

/** A snapshot that was written: the engine sequence it covers, its file and the engine's state hash at that point. */
public record SnapshotInfo(long engineSequence, Path path, long stateHash)
{
}
