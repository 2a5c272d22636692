package io.bourse.gateway.fix.session;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The logged-on FIX sessions, by source id (to route the replies to a session's own commands) and by account (to
 * send fills of resting orders to every session of the account). Written by event loops at logon and disconnect,
 * read by the reply thread. Thread-safe.
 */
public final class FixSessionRegistry
{
    /**
     * FIX source ids carry 'F' in their top byte so they never collide with other publishers' ids (the binary
     * gateway's, the raw command port's) that share the {@code CommandSlot.sourceId()} space.
     */
    public static final long SOURCE_ID_TAG = (long)'F' << 56;
    private static final long SOURCE_ID_TAG_MASK = 0xFFL << 56;
    private static final FixSession[] NONE = new FixSession[0];

    private final AtomicLong nextSourceId = new AtomicLong();
    private final ConcurrentHashMap<Long, FixSession> bySourceId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, FixSession[]> byAccount = new ConcurrentHashMap<>();

    public long newSourceId()
    {
        return SOURCE_ID_TAG | nextSourceId.incrementAndGet();
    }

    public static boolean isFixSourceId(final long sourceId)
    {
        return (sourceId & SOURCE_ID_TAG_MASK) == SOURCE_ID_TAG;
    }

    public void register(final FixSession session)
    {
        bySourceId.put(session.sourceId(), session);
        byAccount.compute(session.accountId(), (account, sessions) ->
        {
            final FixSession[] base = sessions == null ? NONE : sessions;
            final FixSession[] grown = Arrays.copyOf(base, base.length + 1);
            grown[base.length] = session;
            return grown;
        });
    }

    public void unregister(final FixSession session)
    {
        if (bySourceId.remove(session.sourceId()) == null)
        {
            return;
        }
        byAccount.computeIfPresent(session.accountId(), (account, sessions) ->
        {
            final FixSession[] left = Arrays.stream(sessions).filter(s -> s != session).toArray(FixSession[]::new);
            return left.length == 0 ? null : left;
        });
    }

    /** The logged-on session that published with this source id, or null. */
    public FixSession bySourceId(final long sourceId)
    {
        return isFixSourceId(sourceId) ? bySourceId.get(sourceId) : null;
    }

    /** The logged-on sessions of the account; an empty array when none. Do not modify. */
    public FixSession[] byAccount(final long accountId)
    {
        final FixSession[] sessions = byAccount.get(accountId);
        return sessions == null ? NONE : sessions;
    }

    public boolean isEmpty()
    {
        return bySourceId.isEmpty();
    }

    public int size()
    {
        return bySourceId.size();
    }
}
