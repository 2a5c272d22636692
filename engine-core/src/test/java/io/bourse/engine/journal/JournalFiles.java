package io.bourse.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Finds and damages bytes in a closed journal's cycle file, as a disk or a crash would. */
public final class JournalFiles
{
    private JournalFiles()
    {
    }

    /** The journal's only cycle (.cq4) file. */
    public static Path onlyCycleFile(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> cycles = files.filter(path -> path.toString().endsWith(".cq4")).toList();
            assertThat(cycles).hasSize(1);
            return cycles.get(0);
        }
    }

    /** The file offset of the only occurrence of {@code pattern}. */
    public static long find(final Path file, final byte[] pattern) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            long found = -1;
            for (int i = 0; i + pattern.length <= bytes.limit(); i++)
            {
                if (matches(bytes, i, pattern))
                {
                    assertThat(found).as("pattern occurs once").isEqualTo(-1);
                    found = i;
                }
            }
            assertThat(found).as("pattern found").isNotNegative();
            return found;
        }
    }

    public static void flipBit(final Path file, final long offset, final int bit) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_WRITE, offset, 1);
            bytes.put(0, (byte)(bytes.get(0) ^ (1 << bit)));
            bytes.force();
        }
    }

    public static void truncate(final Path file, final long length) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(length);
        }
    }

    private static boolean matches(final MappedByteBuffer bytes, final int at, final byte[] pattern)
    {
        for (int j = 0; j < pattern.length; j++)
        {
            if (bytes.get(at + j) != pattern[j])
            {
                return false;
            }
        }
        return true;
    }
}
