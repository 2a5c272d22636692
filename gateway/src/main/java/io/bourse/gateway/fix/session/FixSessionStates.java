package io.bourse.gateway.fix.session;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@link FixSessionState} by CompID pair: the sessions found in the {@link SequenceStore} at start-up, and any
 * other created on its first logon. States live as long as the server (and, with a {@link MappedSequenceStore}, on
 * disk beyond it), so each account may bind at most {@code maxPerAccount} SenderCompIDs: a client cycling through new
 * CompIDs cannot grow memory or the session directory without bound. Thread-safe.
 */
public final class FixSessionStates
{
    public static final int DEFAULT_MAX_PER_ACCOUNT = 16;

    private final ConcurrentHashMap<String, FixSessionState> states = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Integer> perAccount = new ConcurrentHashMap<>();
    private final int storeCapacity;
    private final int maxPerAccount;
    private final SequenceStore sequences;

    /** States in memory only, for tests. */
    public FixSessionStates(final int storeCapacity)
    {
        this(storeCapacity, DEFAULT_MAX_PER_ACCOUNT, new MemorySequenceStore());
    }

    public FixSessionStates(final int storeCapacity, final int maxPerAccount, final SequenceStore sequences)
    {
        this.storeCapacity = storeCapacity;
        this.maxPerAccount = maxPerAccount;
        this.sequences = sequences;
        for (final SequenceRecord record : sequences.records())
        {
            final String key = key(record.clientCompId(), record.ourCompId());
            states.put(key, new FixSessionState(key, record, storeCapacity));
            perAccount.merge(record.accountId(), 1, Integer::sum);
        }
    }

    /** The key of a session, as used in log lines: the counterparty's CompID, then ours. */
    public static String key(final String clientCompId, final String ourCompId)
    {
        return clientCompId + "->" + ourCompId;
    }

    /**
     * The state of the pair, created for {@code accountId} if new (a new {@link SequenceRecord} in the store); null
     * when the account has too many already. Throws what {@link SequenceStore#create} throws.
     */
    public FixSessionState get(final String senderCompId, final String targetCompId, final long accountId)
    {
        final String key = key(senderCompId, targetCompId);
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
            final FixSessionState state =
                new FixSessionState(key, sequences.create(accountId, senderCompId, targetCompId), storeCapacity);
            states.put(key, state);
            perAccount.put(accountId, count + 1);
            return state;
        }
    }

    /** How many sessions are known. */
    public int size()
    {
        return states.size();
    }
}
