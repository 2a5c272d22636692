package io.bourse.gateway.fix.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sequence records in a directory, one memory-mapped file per session named after its CompIDs
 * ({@code FIRM1_BOURSE.seq}). A number is updated by a plain store into the mapping, so it survives a crash of the
 * process (the kernel holds the page) at the cost of a memory write; it is not forced to disk, so a crash of the
 * machine can lose the last updates. A file is created complete (temp file, fsync, rename, fsync of the directory),
 * so it either exists whole or not at all. On open every file is validated; one that fails is renamed to
 * {@code *.corrupt} with an error log line naming it, and its session starts again as new.
 */
public final class MappedSequenceStore implements SequenceStore
{
    public static final String SUFFIX = ".seq";
    public static final String CORRUPT_SUFFIX = ".corrupt";
    private static final String TEMP_SUFFIX = ".tmp";
    /** NAME_MAX of common Linux file systems, in bytes. */
    private static final int MAX_FILE_NAME_BYTES = 255;
    private static final char SEPARATOR = '_';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final System.Logger LOG = System.getLogger(MappedSequenceStore.class.getName());

    private final Path dir;
    private final List<SequenceRecord> loaded = new ArrayList<>();
    private final List<SequenceRecord> open = new ArrayList<>();

    private MappedSequenceStore(final Path dir)
    {
        this.dir = dir;
    }

    /**
     * Opens {@code dir}, creating it if needed, and loads every valid session file in it; sets aside corrupt ones.
     * Throws UncheckedIOException when the directory cannot be read or written.
     */
    public static MappedSequenceStore open(final Path dir)
    {
        final MappedSequenceStore store = new MappedSequenceStore(dir.toAbsolutePath().normalize());
        try
        {
            Files.createDirectories(store.dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(store.dir))
            {
                for (final Path file : files)
                {
                    final String name = file.getFileName().toString();
                    if (name.endsWith(SUFFIX + TEMP_SUFFIX))
                    {
                        // a creation cut short by a crash: that session never got its file
                        Files.deleteIfExists(file);
                    }
                    else if (name.endsWith(SUFFIX) && Files.isRegularFile(file))
                    {
                        store.load(file);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            store.close();
            throw new UncheckedIOException("cannot open the FIX session directory " + store.dir, ex);
        }
        return store;
    }

    /** The file name of a session: each CompID with every byte outside [A-Za-z0-9-] written as %XX, joined by '_'. */
    public static String fileName(final String clientCompId, final String ourCompId)
    {
        final StringBuilder name = new StringBuilder();
        escape(clientCompId, name);
        name.append(SEPARATOR);
        escape(ourCompId, name);
        return name.append(SUFFIX).toString();
    }

    /** The directory, absolute. */
    public Path dir()
    {
        return dir;
    }

    @Override
    public List<SequenceRecord> records()
    {
        return List.copyOf(loaded);
    }

    @Override
    public synchronized SequenceRecord create(final long accountId, final String clientCompId, final String ourCompId)
    {
        final String name = fileName(clientCompId, ourCompId);
        if (name.length() > MAX_FILE_NAME_BYTES)
        {
            throw new IllegalArgumentException("CompID too long for a session file name (" + name.length() + " bytes)");
        }
        final byte[] bytes = new byte[SequenceRecord.length(clientCompId, ourCompId)];
        SequenceRecord.write(new UnsafeBuffer(bytes), accountId, clientCompId, ourCompId);
        final Path file = dir.resolve(name);
        final Path temp = dir.resolve(name + TEMP_SUFFIX);
        try
        {
            try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                final ByteBuffer content = ByteBuffer.wrap(bytes);
                while (content.hasRemaining())
                {
                    channel.write(content);
                }
                channel.force(true);
            }
            move(temp, file);
            syncDirectory();
            return map(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create FIX session file " + file, ex);
        }
    }

    /** Forces every record to disk and unmaps it. Call only after no event loop can write a record any more. */
    @Override
    public synchronized void close()
    {
        for (final SequenceRecord record : open)
        {
            record.mapping().force();
            IoUtil.unmap(record.mapping());
        }
        open.clear();
        loaded.clear();
    }

    private void load(final Path file) throws IOException
    {
        final long size = Files.size(file);
        String reason = null;
        if (size < SequenceRecord.HEADER_LENGTH || size > SequenceRecord.MAX_LENGTH)
        {
            reason = "length " + size + " outside " + SequenceRecord.HEADER_LENGTH + ".." + SequenceRecord.MAX_LENGTH;
        }
        else
        {
            final MappedByteBuffer mapping = IoUtil.mapExistingFile(file.toFile(), "FIX session file");
            reason = SequenceRecord.validate(new UnsafeBuffer(mapping), (int)size);
            if (reason == null)
            {
                final SequenceRecord record = new SequenceRecord(new UnsafeBuffer(mapping), mapping);
                if (fileName(record.clientCompId(), record.ourCompId()).equals(file.getFileName().toString()))
                {
                    open.add(record);
                    loaded.add(record);
                    return;
                }
                reason = "it belongs to session " + record.clientCompId() + "->" + record.ourCompId() + ", not to its name";
            }
            IoUtil.unmap(mapping);
        }
        final Path aside = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX);
        move(file, aside);
        LOG.log(System.Logger.Level.ERROR, "FIX session file {0} is corrupt ({1}): moved to {2}. Its session starts "
            + "again as new: it must log on with ResetSeqNumFlag(141)=Y or MsgSeqNum(34)=1", file, reason, aside);
    }

    private SequenceRecord map(final Path file) throws IOException
    {
        final MappedByteBuffer mapping = IoUtil.mapExistingFile(file.toFile(), "FIX session file");
        final SequenceRecord record = new SequenceRecord(new UnsafeBuffer(mapping), mapping);
        open.add(record);
        return record;
    }

    private void syncDirectory()
    {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ))
        {
            channel.force(true);
        }
        catch (final IOException ex)
        {
            // Some file systems cannot open a directory for fsync; the rename itself is still atomic.
        }
    }

    private static void move(final Path from, final Path to) throws IOException
    {
        try
        {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final AtomicMoveNotSupportedException ex)
        {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void escape(final String compId, final StringBuilder out)
    {
        for (final byte b : compId.getBytes(StandardCharsets.UTF_8))
        {
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-')
            {
                out.append((char)b);
            }
            else
            {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
    }
}
