package io.bourse.gateway.fix.session;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@link FixSessionState} by CompID pair, created on first logon. States live as long as the server, so each
 * account may bind at most {@code maxPerAccount} SenderCompIDs: a client cycling through new CompIDs cannot grow
 * memory without bound. Thread-safe.
 */
public final class FixSessionStates
{
    public static final int DEFAULT_MAX_PER_ACCOUNT = 16;

    private final ConcurrentHashMap<String, FixSessionState> states = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Integer> perAccount = new ConcurrentHashMap<>();
    private final int storeCapacity;
    private final int maxPerAccount;

    public FixSessionStates(final int storeCapacity)
    {
        this(storeCapacity, DEFAULT_MAX_PER_ACCOUNT);
    }

    public FixSessionStates(final int storeCapacity, final int maxPerAccount)
    {
        this.storeCapacity = storeCapacity;
        this.maxPerAccount = maxPerAccount;
    }

    /** The state of the pair, created for {@code accountId} if new; null when the account has too many already. */
    public FixSessionState get(final String senderCompId, final String targetCompId, final long accountId)
    {
        final String key = senderCompId + "->" + targetCompId;
        final FixSessionState existing = states.get(key);
        if (existing != null)
        {
            return existing;
        }
        synchronized (this)
        {
            final FixSessionState raced = states.get(key);
            if (raced != null)
            {
                return raced;
            }
            final int count = perAccount.getOrDefault(accountId, 0);
            if (count >= maxPerAccount)
            {
                return null;
            }
            final FixSessionState state = new FixSessionState(key, accountId, storeCapacity);
            states.put(key, state);
            perAccount.put(accountId, count + 1);
            return state;
        }
    }
}
