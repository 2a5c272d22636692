package io.bourse.gateway.client.fix;

import io.bourse.gateway.fix.codec.FixMessage;

/**
 * Callbacks of a {@link FixClient}, on its event loop thread. The message is a flyweight over the receive buffer:
 * read what you need during the call (its getters allocate only for strings), do not keep it.
 */
public interface FixClientListener
{
    /** Our Logon was acknowledged. */
    default void onLogon()
    {
    }

    /** An application message: ExecutionReport (8), OrderCancelReject (9), OrderMassCancelReport (r), ... */
    void onMessage(char msgType, FixMessage message);

    /** A session-level Reject (3), Logout (5) or ResendRequest (2, already answered with a GapFill). */
    default void onSessionMessage(final char msgType, final FixMessage message)
    {
    }

    /** The connection closed. */
    default void onDisconnected()
    {
    }
}
