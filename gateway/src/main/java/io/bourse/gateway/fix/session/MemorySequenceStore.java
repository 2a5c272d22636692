package io.bourse.gateway.fix.session;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sequence records on the heap: nothing survives a restart, so after one every session is new and must log on with
 * ResetSeqNumFlag(141)=Y or MsgSeqNum(34)=1. Used when {@code bourse.gateway.fix.session-dir} is empty, and by tests.
 */
public final class MemorySequenceStore implements SequenceStore
{
    @Override
    public List<SequenceRecord> records()
    {
        return List.of();
    }

    @Override
    public SequenceRecord create(final long accountId, final String clientCompId, final String ourCompId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[SequenceRecord.length(clientCompId, ourCompId)]);
        SequenceRecord.write(buffer, accountId, clientCompId, ourCompId);
        return new SequenceRecord(buffer, null);
    }

    @Override
    public void close()
    {
    }
}
