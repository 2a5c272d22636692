package io.bourse.gateway.fix.session;

import java.util.List;

/**
 * Where FIX sessions keep their {@link SequenceRecord}s: {@link MappedSequenceStore} in a directory, one
 * memory-mapped file per session, so the numbers survive a restart; {@link MemorySequenceStore} on the heap, for the
 * server's lifetime only. Opened once at start-up; {@link #create} is called under the caller's lock; close only
 * after no event loop can touch a record any more.
 */
public interface SequenceStore extends AutoCloseable
{
    /** The records found when the store was opened: the sessions known from before this start. */
    List<SequenceRecord> records();

    /**
     * The record of a session seen for the first time, bound to {@code accountId}, with no sequence numbers yet; it is
     * durable when this returns (a {@link MappedSequenceStore} pays two fsyncs: once per session, never per message).
     * Throws IllegalArgumentException for CompIDs it cannot store and UncheckedIOException when the file cannot be
     * written.
     */
    SequenceRecord create(long accountId, String clientCompId, String ourCompId);

    @Override
    void close();
}
