package io.bourse.gateway.fix.session;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What outlives one connection of a FIX session (a SenderCompID/TargetCompID pair): both sequence numbers, the
 * account it is bound to and the outbound store. Kept in memory for the server's lifetime. At most one connection
 * owns it at a time ({@link #tryClaim}); the claim and release hand it safely between event loops.
 */
public final class FixSessionState
{
    private final String key;
    private final long accountId;
    private final OutboundStore store;
    private final AtomicBoolean owned = new AtomicBoolean();
    private long nextSenderSeqNum = 1;
    private long nextTargetSeqNum = 1;

    FixSessionState(final String key, final long accountId, final int storeCapacity)
    {
        this.key = key;
        this.accountId = accountId;
        this.store = new OutboundStore(storeCapacity);
    }

    public String key()
    {
        return key;
    }

    /** The account this CompID pair was first logged on for; another account may not take it over. */
    public long accountId()
    {
        return accountId;
    }

    public boolean tryClaim()
    {
        return owned.compareAndSet(false, true);
    }

    public void release()
    {
        owned.set(false);
    }

    /** Starts both sequences again at 1 and forgets sent messages (ResetSeqNumFlag). */
    public void reset()
    {
        nextSenderSeqNum = 1;
        nextTargetSeqNum = 1;
        store.clear();
    }

    /** Our next outbound MsgSeqNum. */
    public long nextSenderSeqNum()
    {
        return nextSenderSeqNum;
    }

    public long takeSenderSeqNum()
    {
        return nextSenderSeqNum++;
    }

    /** The MsgSeqNum we expect from the counterparty next. */
    public long nextTargetSeqNum()
    {
        return nextTargetSeqNum;
    }

    public void nextTargetSeqNum(final long seqNum)
    {
        nextTargetSeqNum = seqNum;
    }

    public OutboundStore store()
    {
        return store;
    }
}
