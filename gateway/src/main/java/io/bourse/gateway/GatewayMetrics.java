package io.bourse.gateway;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters the acceptors update and the admin API's {@code /metrics} reads. Thread-safe; updates are single atomic
 * increments.
 */
public final class GatewayMetrics
{
    /** Reject reasons are {@code uint8} codes: engine reasons 1..99, gateway reasons 100.. */
    public static final int REASON_CODES = 256;

    private final AtomicLongArray rejectsByReason = new AtomicLongArray(REASON_CODES);
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong logonsAccepted = new AtomicLong();
    private final AtomicLong logonsRejected = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicLong slowConsumerDisconnects = new AtomicLong();
    private final AtomicLong heartbeatTimeouts = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();
    private final AtomicLong unexpectedErrors = new AtomicLong();

    public void onReject(final int reasonCode)
    {
        rejectsByReason.incrementAndGet(reasonCode & 0xFF);
    }

    public long rejects(final int reasonCode)
    {
        return rejectsByReason.get(reasonCode & 0xFF);
    }

    public void onBusy()
    {
        busy.incrementAndGet();
    }

    public long busy()
    {
        return busy.get();
    }

    public void onLogon(final boolean accepted)
    {
        (accepted ? logonsAccepted : logonsRejected).incrementAndGet();
    }

    public long logonsAccepted()
    {
        return logonsAccepted.get();
    }

    public long logonsRejected()
    {
        return logonsRejected.get();
    }

    public void onProtocolError()
    {
        protocolErrors.incrementAndGet();
    }

    public long protocolErrors()
    {
        return protocolErrors.get();
    }

    public void onSlowConsumerDisconnect()
    {
        slowConsumerDisconnects.incrementAndGet();
    }

    public long slowConsumerDisconnects()
    {
        return slowConsumerDisconnects.get();
    }

    public void onHeartbeatTimeout()
    {
        heartbeatTimeouts.incrementAndGet();
    }

    public long heartbeatTimeouts()
    {
        return heartbeatTimeouts.get();
    }

    /** An exception reached a session's handler: a gateway bug, the connection was closed. */
    public void onUnexpectedError()
    {
        unexpectedErrors.incrementAndGet();
    }

    public long unexpectedErrors()
    {
        return unexpectedErrors.get();
    }

    /** A session logged on (+1) or ended (-1); FIX sessions count here too. */
    public void onSessionCount(final int delta)
    {
        sessions.addAndGet(delta);
    }

    public long sessions()
    {
        return sessions.get();
    }
}
