package io.bourse.engine.book;

import java.util.Arrays;

/**
 * GTD orders by (expire time, order id): a binary min-heap of two parallel long arrays. Entries are not removed
 * when an order ends early; the engine skips an entry whose order is no longer open. Engine thread only.
 */
public final class ExpiryQueue
{
    private long[] times = new long[1024];
    private long[] orderIds = new long[1024];
    private int size;

    public boolean isEmpty()
    {
        return size == 0;
    }

    /** Expire time of the earliest entry; only valid when not empty. */
    public long peekTimeNs()
    {
        return times[0];
    }

    /** Order id of the earliest entry; only valid when not empty. */
    public long peekOrderId()
    {
        return orderIds[0];
    }

    public void add(final long expireTimeNs, final long orderId)
    {
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            orderIds = Arrays.copyOf(orderIds, size * 2);
        }
        int child = size++;
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (!before(expireTimeNs, orderId, times[parent], orderIds[parent]))
            {
                break;
            }
            times[child] = times[parent];
            orderIds[child] = orderIds[parent];
            child = parent;
        }
        times[child] = expireTimeNs;
        orderIds[child] = orderId;
    }

    /** Removes the earliest entry. */
    public void poll()
    {
        size--;
        final long time = times[size];
        final long id = orderIds[size];
        int parent = 0;
        while (true)
        {
            int child = 2 * parent + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && before(times[child + 1], orderIds[child + 1], times[child], orderIds[child]))
            {
                child++;
            }
            if (!before(times[child], orderIds[child], time, id))
            {
                break;
            }
            times[parent] = times[child];
            orderIds[parent] = orderIds[child];
            parent = child;
        }
        times[parent] = time;
        orderIds[parent] = id;
    }

    /** Forgets every entry. */
    public void clear()
    {
        size = 0;
    }

    private static boolean before(final long timeA, final long idA, final long timeB, final long idB)
    {
        return timeA < timeB || (timeA == timeB && idA < idB);
    }
}
