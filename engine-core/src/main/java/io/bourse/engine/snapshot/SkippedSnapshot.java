package io.bourse.engine.snapshot;

import java.nio.file.Path;

/** A snapshot file that loading passed over, and why (corrupt, truncated, unreadable, newer than allowed). */
public record SkippedSnapshot(long engineSequence, Path path, String reason)
{
}
