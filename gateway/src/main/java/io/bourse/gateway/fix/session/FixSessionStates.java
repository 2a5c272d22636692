package io.bourse.gateway.fix.session;

import java.util.concurrent.ConcurrentHashMap;

/** Every {@link FixSessionState} by CompID pair, created on first logon. Thread-safe. */
public final class FixSessionStates
{
    private final ConcurrentHashMap<String, FixSessionState> states = new ConcurrentHashMap<>();
    private final int storeCapacity;

    public FixSessionStates(final int storeCapacity)
    {
        this.storeCapacity = storeCapacity;
    }

    /** The state of the pair, created for {@code accountId} if new. */
    public FixSessionState get(final String senderCompId, final String targetCompId, final long accountId)
    {
        final String key = senderCompId + "->" + targetCompId;
        return states.computeIfAbsent(key, k -> new FixSessionState(k, accountId, storeCapacity));
    }
}
