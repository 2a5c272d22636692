package io.bourse.engine.account;

import io.bourse.engine.book.Order;

/**
 * One account: per-asset available and held balances (indexed by asset index, ascending asset id), its flags,
 * and its open orders in placement order (= ascending order id), which is the order mass cancel uses.
 * Engine thread only.
 */
public final class Account
{
    public final long id;
    public final boolean allowSelfTrade;
    public boolean frozen;
    public final long[] available;
    public final long[] held;
    private Order openHead;
    private Order openTail;
    private int openCount;

    public Account(final long id, final boolean allowSelfTrade, final int assetCount)
    {
        this.id = id;
        this.allowSelfTrade = allowSelfTrade;
        this.available = new long[assetCount];
        this.held = new long[assetCount];
    }

    /** The oldest open order, or null; follow {@link Order#accountNext}. */
    public Order firstOpenOrder()
    {
        return openHead;
    }

    public int openOrderCount()
    {
        return openCount;
    }

    /** Appends a newly accepted order (its id is the highest so far). */
    public void addOpenOrder(final Order order)
    {
        order.accountNext = null;
        order.accountPrev = openTail;
        if (openTail == null)
        {
            openHead = order;
        }
        else
        {
            openTail.accountNext = order;
        }
        openTail = order;
        openCount++;
    }

    public void removeOpenOrder(final Order order)
    {
        final Order prev = order.accountPrev;
        final Order next = order.accountNext;
        if (prev == null)
        {
            openHead = next;
        }
        else
        {
            prev.accountNext = next;
        }
        if (next == null)
        {
            openTail = prev;
        }
        else
        {
            next.accountPrev = prev;
        }
        order.accountPrev = null;
        order.accountNext = null;
        openCount--;
    }
}
