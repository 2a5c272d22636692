package io.bourse.gateway.fix.session;

/**
 * The most recent application messages a session sent, by MsgSeqNum, for answering ResendRequest: a ring of
 * {@code capacity} entries, so a message older than the last {@code capacity} sequence numbers is forgotten (and
 * gap-filled on resend). Holds only the application fields; the header is rebuilt with PossDupFlag on resend.
 * Used by the event loop that owns the session.
 */
public final class OutboundStore
{
    private final long[] seqNums;
    private final char[] msgTypes;
    private final long[] sendingTimesMs;
    private final byte[][] fields;

    public OutboundStore(final int capacity)
    {
        seqNums = new long[capacity];
        msgTypes = new char[capacity];
        sendingTimesMs = new long[capacity];
        fields = new byte[capacity][];
    }

    public void store(final long seqNum, final char msgType, final long sendingTimeMs, final byte[] applicationFields)
    {
        final int index = index(seqNum);
        seqNums[index] = seqNum;
        msgTypes[index] = msgType;
        sendingTimesMs[index] = sendingTimeMs;
        fields[index] = applicationFields;
    }

    /** Whether the message with this MsgSeqNum is still held. */
    public boolean contains(final long seqNum)
    {
        return seqNum > 0 && seqNums[index(seqNum)] == seqNum && fields[index(seqNum)] != null;
    }

    public char msgType(final long seqNum)
    {
        return msgTypes[index(seqNum)];
    }

    public long sendingTimeMs(final long seqNum)
    {
        return sendingTimesMs[index(seqNum)];
    }

    public byte[] fields(final long seqNum)
    {
        return fields[index(seqNum)];
    }

    public void clear()
    {
        java.util.Arrays.fill(seqNums, 0);
        java.util.Arrays.fill(fields, null);
    }

    private int index(final long seqNum)
    {
        return (int)(seqNum % seqNums.length);
    }
}
