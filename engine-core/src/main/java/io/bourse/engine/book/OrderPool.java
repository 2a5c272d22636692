package io.bourse.engine.book;

import java.util.Arrays;

/**
 * Recycles {@link Order} objects so steady-state trading allocates nothing; grows (allocating) only when more
 * orders are open at once than ever before. Engine thread only.
 */
public final class OrderPool
{
    private Order[] free;
    private int size;

    public OrderPool(final int preallocated)
    {
        free = new Order[Math.max(16, preallocated)];
        for (int i = 0; i < preallocated; i++)
        {
            free[size++] = new Order();
        }
    }

    /** A cleared order. */
    public Order acquire()
    {
        return size == 0 ? new Order() : free[--size];
    }

    /** Returns an order that is no longer referenced by any book, list or index. */
    public void release(final Order order)
    {
        order.clear();
        if (size == free.length)
        {
            free = Arrays.copyOf(free, size * 2);
        }
        free[size++] = order;
    }
}
