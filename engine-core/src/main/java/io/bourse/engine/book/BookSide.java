package io.bourse.engine.book;

import java.util.Arrays;

/**
 * One side of a book (or of a symbol's pending stops): price levels in a sorted array with the best level at the
 * end, so the common operations near the touch — take the best, add a level next to it, remove an emptied best —
 * touch only the end of the array. Finding a level is a binary search; a new level deep in the book shifts the
 * levels better than it. Levels are pooled. Engine thread only.
 */
public final class BookSide
{
    private static final int INITIAL_LEVELS = 256;

    /** True when higher prices are better (bids, sell stops). */
    private final boolean higherIsBetter;
    /** Sort keys ascending: the price for higher-is-better sides, its negation otherwise; best at the end. */
    private long[] keys = new long[INITIAL_LEVELS];
    private PriceLevel[] levels = new PriceLevel[INITIAL_LEVELS];
    private int size;
    private PriceLevel[] pool = new PriceLevel[INITIAL_LEVELS];
    private int pooled;
    private int orderCount;

    public BookSide(final boolean higherIsBetter)
    {
        this.higherIsBetter = higherIsBetter;
        for (int i = 0; i < INITIAL_LEVELS; i++)
        {
            pool[pooled++] = new PriceLevel();
        }
    }

    /** The best level, or null when the side is empty. */
    public PriceLevel best()
    {
        return size == 0 ? null : levels[size - 1];
    }

    /** Number of price levels. */
    public int levelCount()
    {
        return size;
    }

    /** Number of orders on this side. */
    public int orderCount()
    {
        return orderCount;
    }

    /** The level {@code rank} places from the best (0 = best). */
    public PriceLevel levelFromBest(final int rank)
    {
        return levels[size - 1 - rank];
    }

    /** True when {@code priceTicks} is at least as good as {@code limitTicks} for this side. */
    public boolean isAtLeastAsGood(final long priceTicks, final long limitTicks)
    {
        return higherIsBetter ? priceTicks >= limitTicks : priceTicks <= limitTicks;
    }

    /** Adds the order at the tail of its price's level ({@link Order#priceTicks}), creating the level if needed. */
    public void add(final Order order, final long priceTicks)
    {
        final long key = higherIsBetter ? priceTicks : -priceTicks;
        // Most orders join at or near the touch: scan a few levels from the end, then fall back to a search.
        final int scanLimit = size - 8;
        int index = size - 1;
        while (index >= 0 && keys[index] > key)
        {
            if (index < scanLimit)
            {
                index = searchAtOrBelow(key, index);
                break;
            }
            index--;
        }
        if (index >= 0 && keys[index] == key)
        {
            addToLevel(levels[index], order);
        }
        else
        {
            addToLevel(insertLevel(index + 1, key, priceTicks), order);
        }
    }

    /** Removes a resting order; an emptied level is removed and pooled. */
    public void remove(final Order order)
    {
        final PriceLevel level = order.level;
        level.remove(order);
        orderCount--;
        if (level.isEmpty())
        {
            removeLevel(level);
        }
    }

    private void addToLevel(final PriceLevel level, final Order order)
    {
        level.append(order);
        orderCount++;
    }

    /** Index of the last key ≤ {@code key} within [0, upper], or -1. */
    private int searchAtOrBelow(final long key, final int upper)
    {
        int low = 0;
        int high = upper;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (keys[mid] <= key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return high;
    }

    private PriceLevel insertLevel(final int index, final long key, final long priceTicks)
    {
        if (size == keys.length)
        {
            grow();
        }
        final int tailLength = size - index;
        if (tailLength > 0)
        {
            System.arraycopy(keys, index, keys, index + 1, tailLength);
            System.arraycopy(levels, index, levels, index + 1, tailLength);
        }
        final PriceLevel level = pooled == 0 ? new PriceLevel() : pool[--pooled];
        level.priceTicks = priceTicks;
        keys[index] = key;
        levels[index] = level;
        size++;
        return level;
    }

    private void removeLevel(final PriceLevel level)
    {
        final long key = higherIsBetter ? level.priceTicks : -level.priceTicks;
        final int index = size > 0 && levels[size - 1] == level ? size - 1 : searchAtOrBelow(key, size - 1);
        final int tailLength = size - index - 1;
        if (tailLength > 0)
        {
            System.arraycopy(keys, index + 1, keys, index, tailLength);
            System.arraycopy(levels, index + 1, levels, index, tailLength);
        }
        size--;
        levels[size] = null;
        level.head = null;
        level.tail = null;
        level.orderCount = 0;
        if (pooled == pool.length)
        {
            pool = Arrays.copyOf(pool, pool.length * 2);
        }
        pool[pooled++] = level;
    }

    private void grow()
    {
        keys = Arrays.copyOf(keys, keys.length * 2);
        levels = Arrays.copyOf(levels, levels.length * 2);
    }
}
