package io.bourse.engine.journal;

/**
 * When {@link JournalWriter} forces journal bytes to the storage device. Every policy survives a process crash
 * ({@code kill -9}, JVM abort): an append that returned has put its document into the memory-mapped file, i.e. the
 * kernel page cache, which outlives the process. The policies differ on power loss or kernel crash.
 */
public enum FsyncPolicy
{
    /**
     * Never force: the kernel writes dirty pages back on its own schedule (typically within ~30 s). On power loss
     * the tail of the journal may be lost, or cut mid-document (the reader then reports it).
     */
    NONE,

    /**
     * Force when the caller says a batch has ended ({@link JournalWriter#endOfBatch()}): on power loss every entry
     * appended before the last {@code endOfBatch()} that returned survives; later ones may be lost.
     */
    BATCH,

    /**
     * Force after every entry, before {@link JournalWriter#append} returns: on power loss every entry whose append
     * returned survives. Slowest: one fdatasync per command.
     */
    EVERY
}
