package io.bourse.engine.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.bourse.sbe.JournalEntryEncoder;
import io.bourse.sbe.MessageHeaderEncoder;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Appends one Chronicle Queue document per processed command: the SBE JournalEntry holding the command and all its
 * events, CRC32C-checksummed, forced to disk per {@link FsyncPolicy}. Sequences must be contiguous. Any failure
 * throws {@link JournalWriteException} and fails the writer for good (fail-stop). Holds an exclusive lock on the
 * directory so a second writer cannot interleave. Allocation-free per entry; the journal stage's thread only (the
 * first append binds it).
 */
public final class JournalWriter implements AutoCloseable
{
    /** Held (OS file lock) while a writer is open; released by the OS if the process dies. */
    static final String LOCK_FILE_NAME = "journal-writer.lock";
    private static final int INITIAL_ENTRY_CAPACITY = 64 * 1024;

    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final FsyncPolicy fsyncPolicy;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ExcerptAppender appender;
    private final CycleFileSync fileSync;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final JournalEntryEncoder entry = new JournalEntryEncoder();
    private final ExpandableArrayBuffer entryBuffer = new ExpandableArrayBuffer(INITIAL_ENTRY_CAPACITY);
    private final JournalChecksum checksum = new JournalChecksum();
    private long lastSequence;
    private long lastIndex;
    private Throwable failure;

    /** Opens (creating if needed) the journal in {@code dir} for appending; reads its last entry to continue from. */
    public static JournalWriter open(final Path dir, final FsyncPolicy fsyncPolicy)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + dir, ex);
        }
        return new JournalWriter(JournalQueues.open(dir), fsyncPolicy);
    }

    /** Takes ownership of {@code queue}: closing the writer closes it. */
    JournalWriter(final SingleChronicleQueue queue, final FsyncPolicy fsyncPolicy)
    {
        this.queue = queue;
        this.rollCycle = queue.rollCycle();
        this.fsyncPolicy = fsyncPolicy;
        final Path dir = queue.file().toPath();
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(dir.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(channel, dir);
            lockChannel = channel;
            final JournalEntryView last = new JournalEntryView();
            if (LastEntry.read(queue, new EntryDecoder(), last))
            {
                lastSequence = last.engineSequence();
                lastIndex = last.chronicleIndex();
            }
            else
            {
                lastSequence = JournalEntryView.NO_SEQUENCE;
                lastIndex = JournalEntryView.NO_INDEX;
            }
            appender = queue.createAppender();
            // Built on the opening thread, used on the journal thread: the first append binds it.
            appender.singleThreadedCheckReset();
            fileSync = new CycleFileSync(dir);
            if (fsyncPolicy != FsyncPolicy.NONE)
            {
                CycleFileSync.forceDirectory(dir);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            closeQuietly(channel, ex);
            queue.close();
            throw ex instanceof IOException ? new UncheckedIOException("cannot open journal " + dir, (IOException)ex) :
                (RuntimeException)ex;
        }
    }

    /**
     * Appends the command and its events as one document. {@code engineSequence} must be the last journaled sequence
     * plus one (any positive value when the journal is empty).
     *
     * @return the Chronicle index of the new document.
     * @throws JournalWriteException    if the write or its fsync failed, now or before; nothing may be acknowledged.
     * @throws IllegalArgumentException if the sequence is not contiguous; nothing was written.
     */
    public long append(
        final long engineSequence,
        final long engineTimeNs,
        final DirectBuffer command,
        final int cmdOffset,
        final int cmdLength,
        final DirectBuffer events,
        final int eventsLength,
        final int eventCount)
    {
        checkNotFailed();
        if (engineSequence <= JournalEntryView.NO_SEQUENCE ||
            (lastSequence != JournalEntryView.NO_SEQUENCE && engineSequence != lastSequence + 1))
        {
            throw new IllegalArgumentException(
                "engine sequence " + engineSequence + " does not follow the last journaled sequence " + lastSequence);
        }
        final int length = encode(engineSequence, engineTimeNs, command, cmdOffset, cmdLength, events, eventsLength, eventCount);
        try
        {
            writeDocument(length);
            lastIndex = indexOfAppended();
            if (fsyncPolicy == FsyncPolicy.EVERY)
            {
                fileSync.sync(appender.currentFile());
            }
        }
        catch (final Throwable ex)
        {
            throw fail("append of engine sequence " + engineSequence + " failed", ex);
        }
        lastSequence = engineSequence;
        return lastIndex;
    }

    /** Tells the writer a batch of appends has ended: forces them to disk under {@link FsyncPolicy#BATCH}. */
    public void endOfBatch()
    {
        if (fsyncPolicy == FsyncPolicy.BATCH)
        {
            sync();
        }
    }

    /** Forces everything appended so far to disk, whatever the policy (e.g. at shutdown). */
    public void sync()
    {
        checkNotFailed();
        try
        {
            fileSync.sync(appender.currentFile());
        }
        catch (final Throwable ex)
        {
            throw fail("fsync after engine sequence " + lastSequence + " failed", ex);
        }
    }

    /** The last journaled engine sequence, {@link JournalEntryView#NO_SEQUENCE} if none. */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** The Chronicle index of the last journaled entry, {@link JournalEntryView#NO_INDEX} if none. */
    public long lastIndex()
    {
        return lastIndex;
    }

    public FsyncPolicy fsyncPolicy()
    {
        return fsyncPolicy;
    }

    /** Forces what was appended (unless {@link FsyncPolicy#NONE} or failed), then releases the queue and the lock. */
    @Override
    public void close()
    {
        try
        {
            if (failure == null && fsyncPolicy != FsyncPolicy.NONE)
            {
                sync();
            }
        }
        finally
        {
            try
            {
                fileSync.close();
                lock.release();
                lockChannel.close();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("closing journal writer", ex);
            }
            finally
            {
                queue.close();
            }
        }
    }

    private int encode(
        final long engineSequence,
        final long engineTimeNs,
        final DirectBuffer command,
        final int cmdOffset,
        final int cmdLength,
        final DirectBuffer events,
        final int eventsLength,
        final int eventCount)
    {
        entry.wrapAndApplyHeader(entryBuffer, 0, header)
            .engineSequence(engineSequence)
            .engineTimeNs(engineTimeNs)
            .eventCount(eventCount)
            .checksum(0)
            .putCommand(command, cmdOffset, cmdLength)
            .putEvents(events, 0, eventsLength);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + entry.encodedLength();
        entry.checksum(checksum.compute(entryBuffer.byteArray(), length));
        return length;
    }

    private void writeDocument(final int length)
    {
        final DocumentContext document = appender.writingDocument();
        boolean written = false;
        try
        {
            document.wire().bytes().write(entryBuffer.byteArray(), 0, length);
            written = true;
        }
        finally
        {
            if (!written)
            {
                // Never publish a partial document.
                document.rollbackOnClose();
            }
            document.close();
        }
    }

    /**
     * The index of the document just written. Within a cycle (day) file indexes are consecutive, so only the first
     * document of a cycle asks Chronicle, whose answer costs a scan from the last sparse index entry (up to 256
     * documents back): asking every time made it a third of the append cost.
     */
    private long indexOfAppended()
    {
        final int cycle = appender.cycle();
        if (lastIndex != JournalEntryView.NO_INDEX && rollCycle.toCycle(lastIndex) == cycle)
        {
            return lastIndex + 1;
        }
        return appender.lastIndexAppended();
    }

    private void checkNotFailed()
    {
        if (failure != null)
        {
            throw new JournalWriteException("journal writer failed earlier, after engine sequence " + lastSequence, failure);
        }
    }

    private JournalWriteException fail(final String message, final Throwable cause)
    {
        failure = cause;
        return new JournalWriteException(message, cause);
    }

    private static void closeQuietly(final FileChannel channel, final Exception primary)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                primary.addSuppressed(ex);
            }
        }
    }

    private static FileLock tryLock(final FileChannel channel, final Path dir) throws IOException
    {
        FileLock lock = null;
        try
        {
            lock = channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            // Already held in this JVM: treated like another process holding it.
        }
        if (lock == null)
        {
            throw new IllegalStateException("journal " + dir + " is already open for writing (" + LOCK_FILE_NAME + " is locked)");
        }
        return lock;
    }
}
