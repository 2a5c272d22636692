package io.bourse.engine.journal;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces the journal's current cycle file to the device with fdatasync, which covers pages written through the
 * mapping and, unlike Chronicle's msync path, throws on failure. On a roll it first forces the previous file (its
 * last entries and end-of-file marker) and then the directory, so the new file's name survives a power loss too.
 * Journal thread only.
 */
final class CycleFileSync implements AutoCloseable
{
    private final Path dir;
    private File file;
    private FileChannel channel;

    CycleFileSync(final Path dir)
    {
        this.dir = dir;
    }

    /** Forces {@code current}, the file the appender writes to; does nothing before the first append. */
    void sync(final File current) throws IOException
    {
        if (current == null)
        {
            return;
        }
        if (!current.equals(file))
        {
            if (channel != null)
            {
                channel.force(false);
                channel.close();
                channel = null;
            }
            channel = FileChannel.open(current.toPath(), StandardOpenOption.WRITE);
            file = current;
            forceDirectory(dir);
        }
        channel.force(false);
    }

    /** Makes created, renamed or deleted names in {@code dir} durable. */
    static void forceDirectory(final Path dir) throws IOException
    {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ))
        {
            directory.force(true);
        }
    }

    @Override
    public void close() throws IOException
    {
        if (channel != null)
        {
            channel.close();
            channel = null;
        }
    }
}
