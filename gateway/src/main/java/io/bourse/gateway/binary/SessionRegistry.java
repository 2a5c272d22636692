package io.bourse.gateway.binary;

import java.util.Arrays;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The logged-on binary sessions by account, for the reply thread to route execution reports. Changes (logon, end of
 * session) copy the map under a lock; the reply thread reads the current copy through a volatile field without locking
 * or allocating. Thread-safe.
 */
final class SessionRegistry
{
    static final BinarySession[] NONE = new BinarySession[0];

    private final Object lock = new Object();
    private volatile Long2ObjectHashMap<BinarySession[]> byAccount = new Long2ObjectHashMap<>();
    private volatile Long2ObjectHashMap<BinarySession> bySessionId = new Long2ObjectHashMap<>();

    void add(final BinarySession session)
    {
        synchronized (lock)
        {
            final Long2ObjectHashMap<BinarySession[]> accounts = new Long2ObjectHashMap<>(byAccount);
            final BinarySession[] current = accounts.get(session.accountId());
            final BinarySession[] updated = current == null ? new BinarySession[1] :
                Arrays.copyOf(current, current.length + 1);
            updated[updated.length - 1] = session;
            accounts.put(session.accountId(), updated);
            final Long2ObjectHashMap<BinarySession> sessions = new Long2ObjectHashMap<>(bySessionId);
            sessions.put(session.sessionId(), session);
            byAccount = accounts;
            bySessionId = sessions;
        }
    }

    void remove(final BinarySession session)
    {
        synchronized (lock)
        {
            final BinarySession[] current = byAccount.get(session.accountId());
            if (current == null)
            {
                return;
            }
            final Long2ObjectHashMap<BinarySession[]> accounts = new Long2ObjectHashMap<>(byAccount);
            final BinarySession[] updated = Arrays.stream(current).filter(s -> s != session)
                .toArray(BinarySession[]::new);
            if (updated.length == 0)
            {
                accounts.remove(session.accountId());
            }
            else
            {
                accounts.put(session.accountId(), updated);
            }
            final Long2ObjectHashMap<BinarySession> sessions = new Long2ObjectHashMap<>(bySessionId);
            sessions.remove(session.sessionId());
            byAccount = accounts;
            bySessionId = sessions;
        }
    }

    /** The account's logged-on sessions; never null. */
    BinarySession[] sessionsOf(final long accountId)
    {
        final BinarySession[] sessions = byAccount.get(accountId);
        return sessions == null ? NONE : sessions;
    }

    /** The logged-on session with this id (its command's sourceId), or null. */
    BinarySession session(final long sessionId)
    {
        return bySessionId.get(sessionId);
    }

    /** Every logged-on session (a copy; for shutdown). */
    java.util.List<BinarySession> all()
    {
        return new java.util.ArrayList<>(bySessionId.values());
    }

    int size()
    {
        return bySessionId.size();
    }
}
