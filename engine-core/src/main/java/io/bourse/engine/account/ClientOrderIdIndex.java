package io.bourse.engine.account;

import io.bourse.engine.book.Order;
import io.bourse.engine.state.StateHasher;

/**
 * Finds an account's open order by client order id: an open-addressing hash table of orders keyed by
 * (account id, the id's four words), with linear probing and backward-shift deletion so lookups stay short.
 * Grows (allocating) only when the number of open orders with ids reaches a new high. Engine thread only.
 */
public final class ClientOrderIdIndex
{
    private Order[] slots;
    private int mask;
    private int size;
    /**
     * The free slot where the last unsuccessful {@link #find} stopped, and its key: placing an order looks its id up
     * and then adds it, so the add can skip the second probe. Any removal or growth invalidates it.
     */
    private int freeSlotHint = -1;
    private long hintAccountId;
    private long hintW0;
    private long hintW1;
    private long hintW2;
    private long hintW3;

    public ClientOrderIdIndex(final int initialCapacity)
    {
        final int capacity = Integer.highestOneBit(Math.max(16, initialCapacity) * 2 - 1);
        slots = new Order[capacity];
        mask = capacity - 1;
    }

    /** The open order of {@code accountId} with this client order id, or null. */
    public Order find(final long accountId, final long w0, final long w1, final long w2, final long w3)
    {
        int index = slot(accountId, w0, w1, w2, w3);
        Order candidate;
        while ((candidate = slots[index]) != null)
        {
            if (candidate.accountId == accountId && candidate.clientOrderIdEquals(w0, w1, w2, w3))
            {
                return candidate;
            }
            index = (index + 1) & mask;
        }
        freeSlotHint = index;
        hintAccountId = accountId;
        hintW0 = w0;
        hintW1 = w1;
        hintW2 = w2;
        hintW3 = w3;
        return null;
    }

    /** Indexes an order that has a client order id not yet used by the account's open orders. */
    public void add(final Order order)
    {
        if ((size + 1) * 2 > slots.length)
        {
            grow();
            freeSlotHint = -1;
        }
        if (freeSlotHint >= 0 && slots[freeSlotHint] == null && order.accountId == hintAccountId
            && order.clientOrderIdEquals(hintW0, hintW1, hintW2, hintW3))
        {
            slots[freeSlotHint] = order;
        }
        else
        {
            insert(order);
        }
        freeSlotHint = -1;
        size++;
    }

    /** Removes an order that was added. */
    public void remove(final Order order)
    {
        freeSlotHint = -1;
        int index = slot(order.accountId, order.clientOrderId0, order.clientOrderId1, order.clientOrderId2, order.clientOrderId3);
        while (slots[index] != order)
        {
            index = (index + 1) & mask;
        }
        slots[index] = null;
        size--;
        // Backward-shift: move later entries of the probe run into the hole so no lookup stops early.
        int hole = index;
        int next = (index + 1) & mask;
        Order moving;
        while ((moving = slots[next]) != null)
        {
            final int home = slot(moving.accountId, moving.clientOrderId0, moving.clientOrderId1,
                moving.clientOrderId2, moving.clientOrderId3);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                slots[hole] = moving;
                slots[next] = null;
                hole = next;
            }
            next = (next + 1) & mask;
        }
    }

    public int size()
    {
        return size;
    }

    private void insert(final Order order)
    {
        int index = slot(order.accountId, order.clientOrderId0, order.clientOrderId1, order.clientOrderId2, order.clientOrderId3);
        while (slots[index] != null)
        {
            index = (index + 1) & mask;
        }
        slots[index] = order;
    }

    private void grow()
    {
        final Order[] old = slots;
        slots = new Order[old.length * 2];
        mask = slots.length - 1;
        for (final Order order : old)
        {
            if (order != null)
            {
                insert(order);
            }
        }
    }

    private int slot(final long accountId, final long w0, final long w1, final long w2, final long w3)
    {
        // One multiply per word and a single finaliser: ids are short ASCII, mostly in w0 and w1.
        final long h = (accountId * 0x9E3779B97F4A7C15L ^ w0) * 0xC2B2AE3D27D4EB4FL ^ (w1 * 0x165667B19E3779F9L) ^ w2 ^ (w3 << 1);
        return (int)StateHasher.mix(h) & mask;
    }
}
