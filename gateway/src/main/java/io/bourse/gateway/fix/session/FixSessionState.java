package io.bourse.gateway.fix.session;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What outlives one connection of a FIX session (a SenderCompID/TargetCompID pair): both sequence numbers, the
 * account it is bound to and the outbound store. The numbers are written through to the session's
 * {@link SequenceRecord} on every change (persisted when the store is a {@link MappedSequenceStore}); the outbound
 * store is in memory only. At most one connection owns it at a time ({@link #tryClaim}); the claim and release hand
 * it safely between event loops.
 */
public final class FixSessionState
{
    /** Largest MsgSeqNum either side may use; the number after it still fits in a {@link SequenceRecord}. */
    public static final long MAX_SEQ_NUM = SequenceRecord.MAX_SEQ_NUM - 1;

    private final String key;
    private final SequenceRecord record;
    private final int storeCapacity;
    private final AtomicBoolean owned = new AtomicBoolean();
    private OutboundStore store;
    private long nextSenderSeqNum;
    private long nextTargetSeqNum;

    FixSessionState(final String key, final SequenceRecord record, final int storeCapacity)
    {
        this.key = key;
        this.record = record;
        this.storeCapacity = storeCapacity;
        this.nextSenderSeqNum = record.nextOutbound();
        this.nextTargetSeqNum = record.nextInbound();
    }

    public String key()
    {
        return key;
    }

    /** The account this CompID pair was first logged on for; another account may not take it over. */
    public long accountId()
    {
        return record.accountId();
    }

    public boolean tryClaim()
    {
        return owned.compareAndSet(false, true);
    }

    public void release()
    {
        owned.set(false);
    }

    /**
     * Whether this session has no sequence numbers: no Logon was ever accepted for it, or its file was lost. Such a
     * session may only start afresh (ResetSeqNumFlag(141)=Y, or MsgSeqNum(34)=1), followed by {@link #reset}.
     */
    public boolean isNew()
    {
        return nextSenderSeqNum == SequenceRecord.NULL_SEQ_NUM;
    }

    /** Starts both sequences again at 1 and forgets sent messages (ResetSeqNumFlag). */
    public void reset()
    {
        nextTargetSeqNum(1);
        nextSenderSeqNum = 1;
        record.nextOutbound(1);
        if (store != null)
        {
            store.clear();
        }
    }

    /** Our next outbound MsgSeqNum. */
    public long nextSenderSeqNum()
    {
        return nextSenderSeqNum;
    }

    /** Takes our next outbound MsgSeqNum; the next one is recorded before the message is sent, so none is reused. */
    public long takeSenderSeqNum()
    {
        final long seqNum = nextSenderSeqNum++;
        record.nextOutbound(nextSenderSeqNum);
        return seqNum;
    }

    /** The MsgSeqNum we expect from the counterparty next. */
    public long nextTargetSeqNum()
    {
        return nextTargetSeqNum;
    }

    /** Sets the MsgSeqNum expected next, 1..{@link #MAX_SEQ_NUM} + 1 (callers check numbers they received). */
    public void nextTargetSeqNum(final long seqNum)
    {
        nextTargetSeqNum = seqNum;
        record.nextInbound(seqNum);
    }

    /** The recent application messages sent, created on first use (a session loaded from disk may never log on). */
    public OutboundStore store()
    {
        if (store == null)
        {
            store = new OutboundStore(storeCapacity);
        }
        return store;
    }
}
