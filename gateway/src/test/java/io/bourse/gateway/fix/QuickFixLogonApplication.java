package io.bourse.gateway.fix;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Username;

/**
 * The part of a QuickFIX/J {@link Application} every interop test needs: it logs each session on with
 * Username(553) = its account and Password(554) = the test secret {@code secret-<account>}, and counts logons.
 * Subclasses record what they receive.
 */
abstract class QuickFixLogonApplication implements Application
{
    /** The account each session logs on as; fill before the initiator starts. */
    final Map<SessionID, Long> credentials = new ConcurrentHashMap<>();
    final CountDownLatch loggedOn;

    QuickFixLogonApplication(final int sessions)
    {
        loggedOn = new CountDownLatch(sessions);
    }

    @Override
    public void onCreate(final SessionID sessionId)
    {
    }

    @Override
    public void onLogon(final SessionID sessionId)
    {
        loggedOn.countDown();
    }

    @Override
    public void onLogout(final SessionID sessionId)
    {
    }

    @Override
    public void toAdmin(final Message message, final SessionID sessionId)
    {
        try
        {
            if (MsgType.LOGON.equals(message.getHeader().getString(35)))
            {
                final long account = credentials.get(sessionId);
                message.setString(Username.FIELD, Long.toString(account));
                message.setString(Password.FIELD, "secret-" + account);
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound
    {
    }

    @Override
    public void toApp(final Message message, final SessionID sessionId)
    {
    }
}
