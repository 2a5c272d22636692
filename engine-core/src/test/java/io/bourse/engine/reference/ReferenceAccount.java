package io.bourse.engine.reference;

import java.util.HashMap;
import java.util.Map;

/**
 * An account of the reference model with its per-asset available and held balances (missing means zero).
 */
final class ReferenceAccount
{
    final long accountId;
    final boolean allowSelfTrade;
    boolean frozen;
    private final Map<Integer, Long> available = new HashMap<>();
    private final Map<Integer, Long> held = new HashMap<>();

    ReferenceAccount(final long accountId, final boolean allowSelfTrade)
    {
        this.accountId = accountId;
        this.allowSelfTrade = allowSelfTrade;
    }

    long available(final int assetId)
    {
        return available.getOrDefault(assetId, 0L);
    }

    long held(final int assetId)
    {
        return held.getOrDefault(assetId, 0L);
    }

    /** Applies both deltas; a balance that would go negative is a bug of the model, never a reject. */
    void change(final int assetId, final long deltaAvailable, final long deltaHeld)
    {
        final long newAvailable = Math.addExact(available(assetId), deltaAvailable);
        final long newHeld = Math.addExact(held(assetId), deltaHeld);
        if (newAvailable < 0 || newHeld < 0)
        {
            throw new IllegalStateException("negative balance: account " + accountId + " asset " + assetId
                + " available " + newAvailable + " held " + newHeld);
        }
        available.put(assetId, newAvailable);
        held.put(assetId, newHeld);
    }
}
