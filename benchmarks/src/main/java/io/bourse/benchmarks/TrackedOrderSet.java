package io.bourse.benchmarks;

import java.util.Arrays;
import java.util.Random;

/** Resting orders of one side and zone with O(1) add, remove and uniform random pick. Generation only. */
final class TrackedOrderSet
{
    private TrackedOrder[] orders = new TrackedOrder[1024];
    private int size;

    void add(final TrackedOrder order)
    {
        if (size == orders.length)
        {
            orders = Arrays.copyOf(orders, size * 2);
        }
        order.setIndex = size;
        orders[size++] = order;
    }

    void remove(final TrackedOrder order)
    {
        final TrackedOrder last = orders[--size];
        orders[order.setIndex] = last;
        last.setIndex = order.setIndex;
        orders[size] = null;
        order.setIndex = -1;
    }

    int size()
    {
        return size;
    }

    /** A uniformly random member; the set must not be empty. */
    TrackedOrder pick(final Random random)
    {
        return orders[random.nextInt(size)];
    }
}
