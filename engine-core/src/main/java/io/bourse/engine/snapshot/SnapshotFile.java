package io.bourse.engine.snapshot;

import java.nio.file.Path;

/**
 * A snapshot file in a {@link SnapshotStore}: the state after the command with sequence {@code engineSequence}.
 * Named {@code snapshot-<19-digit zero-padded sequence>.bin}, so names sort like sequences. Immutable.
 */
public record SnapshotFile(long engineSequence, Path path)
{
    static final String PREFIX = "snapshot-";
    static final String SUFFIX = ".bin";
    static final String TEMP_SUFFIX = ".tmp";
    private static final int DIGITS = 19;

    static String fileName(final long engineSequence)
    {
        return PREFIX + String.format("%0" + DIGITS + "d", engineSequence) + SUFFIX;
    }

    /** The sequence a snapshot file name stands for, or -1 if the name is not a complete snapshot's. */
    static long parseSequence(final String fileName)
    {
        if (fileName.length() != PREFIX.length() + DIGITS + SUFFIX.length() ||
            !fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX))
        {
            return -1;
        }
        long sequence = 0;
        for (int i = PREFIX.length(); i < PREFIX.length() + DIGITS; i++)
        {
            final char c = fileName.charAt(i);
            if (c < '0' || c > '9' || sequence > (Long.MAX_VALUE - (c - '0')) / 10)
            {
                return -1;
            }
            sequence = sequence * 10 + (c - '0');
        }
        return sequence;
    }

    static boolean isTemp(final String fileName)
    {
        return fileName.startsWith(PREFIX) && fileName.endsWith(SUFFIX + TEMP_SUFFIX);
    }
}
