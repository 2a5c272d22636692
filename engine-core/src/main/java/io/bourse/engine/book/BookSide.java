package io.bourse.engine.book;

import java.util.Arrays;

/**
 * One side of a book (or of a symbol's pending stops): price levels sorted by price in chunks of at most
 * {@link #CHUNK_CAPACITY}, chunks in order, the best level at the very end. Taking the best level is O(1); adding
 * or removing a level moves at most one chunk's worth of entries plus, when a chunk splits or empties, the chunk
 * array — so a book stays fast with thousands of levels on each side, deep inserts included. Levels and chunks
 * are pooled. Engine thread only.
 */
public final class BookSide
{
    static final int CHUNK_CAPACITY = 64;
    private static final int INITIAL_CHUNKS = 16;
    private static final int INITIAL_LEVELS = 256;

    /** True when higher prices are better (bids, sell stops). */
    private final boolean higherIsBetter;
    private Chunk[] chunks = new Chunk[INITIAL_CHUNKS];
    private int chunkCount;
    private int levelCount;
    private int orderCount;
    private PriceLevel[] levelPool = new PriceLevel[INITIAL_LEVELS];
    private int pooledLevels;
    private Chunk[] chunkPool = new Chunk[INITIAL_CHUNKS];
    private int pooledChunks;

    /** Cursor of the last {@link #levelFromBest} call, so walking from the best level is O(1) per step. */
    private int cursorRank = -1;
    private int cursorChunk;
    private int cursorChunkFirstRank;

    /** Sorted keys (the price when higher is better, its negation otherwise) and their levels. */
    private static final class Chunk
    {
        final long[] keys = new long[CHUNK_CAPACITY];
        final PriceLevel[] levels = new PriceLevel[CHUNK_CAPACITY];
        int size;
    }

    public BookSide(final boolean higherIsBetter)
    {
        this.higherIsBetter = higherIsBetter;
        for (int i = 0; i < INITIAL_LEVELS; i++)
        {
            levelPool[pooledLevels++] = new PriceLevel();
        }
        for (int i = 0; i < INITIAL_CHUNKS / 2; i++)
        {
            chunkPool[pooledChunks++] = new Chunk();
        }
    }

    /** The best level, or null when the side is empty. */
    public PriceLevel best()
    {
        if (chunkCount == 0)
        {
            return null;
        }
        final Chunk last = chunks[chunkCount - 1];
        return last.levels[last.size - 1];
    }

    /** Number of price levels. */
    public int levelCount()
    {
        return levelCount;
    }

    /** Number of orders on this side. */
    public int orderCount()
    {
        return orderCount;
    }

    /** The level {@code rank} places from the best (0 = best); O(1) when called for consecutive ranks. */
    public PriceLevel levelFromBest(final int rank)
    {
        if (rank == 0 || rank != cursorRank + 1)
        {
            // Not the next rank of a walk from the best: restart at the best end.
            cursorChunk = chunkCount - 1;
            cursorChunkFirstRank = 0;
        }
        while (rank >= cursorChunkFirstRank + chunks[cursorChunk].size)
        {
            cursorChunkFirstRank += chunks[cursorChunk].size;
            cursorChunk--;
        }
        cursorRank = rank;
        final Chunk chunk = chunks[cursorChunk];
        return chunk.levels[chunk.size - 1 - (rank - cursorChunkFirstRank)];
    }

    /** Adds the order at the tail of the level at {@code priceTicks}, creating the level if needed. */
    public void add(final Order order, final long priceTicks)
    {
        final long key = higherIsBetter ? priceTicks : -priceTicks;
        cursorRank = -1;
        if (chunkCount == 0)
        {
            insertChunk(0);
        }
        final int chunkIndex = chunkFor(key);
        final Chunk chunk = chunks[chunkIndex];
        final int position = lastAtOrBelow(chunk, key);
        if (position >= 0 && chunk.keys[position] == key)
        {
            addToLevel(chunk.levels[position], order);
            return;
        }
        final PriceLevel level = pooledLevels == 0 ? new PriceLevel() : levelPool[--pooledLevels];
        level.priceTicks = priceTicks;
        insertLevel(chunkIndex, position + 1, key, level);
        levelCount++;
        addToLevel(level, order);
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

    /** The last chunk whose first key is ≤ {@code key}, or 0 when the key precedes everything. */
    private int chunkFor(final long key)
    {
        final int last = chunkCount - 1;
        // Near the touch is the common case: the best chunk.
        if (chunks[last].size == 0 || chunks[last].keys[0] <= key)
        {
            return last;
        }
        int low = 0;
        int high = last - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (chunks[mid].keys[0] <= key)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return Math.max(high, 0);
    }

    /** Index of the last key ≤ {@code key} in the chunk, or -1. */
    private static int lastAtOrBelow(final Chunk chunk, final long key)
    {
        int index = chunk.size - 1;
        // Scan a few from the end first: most changes happen at the best end of the best chunk.
        final int scanLimit = Math.max(0, chunk.size - 4);
        while (index >= scanLimit && chunk.keys[index] > key)
        {
            index--;
        }
        if (index < scanLimit && index >= 0)
        {
            int low = 0;
            int high = index;
            while (low <= high)
            {
                final int mid = (low + high) >>> 1;
                if (chunk.keys[mid] <= key)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }
            index = high;
        }
        return index;
    }

    private void insertLevel(final int chunkIndex, final int position, final long key, final PriceLevel level)
    {
        Chunk chunk = chunks[chunkIndex];
        int at = position;
        if (chunk.size == CHUNK_CAPACITY)
        {
            // Split: the upper half moves to a new chunk right after this one.
            final Chunk upper = insertChunk(chunkIndex + 1);
            final int half = CHUNK_CAPACITY / 2;
            System.arraycopy(chunk.keys, half, upper.keys, 0, CHUNK_CAPACITY - half);
            System.arraycopy(chunk.levels, half, upper.levels, 0, CHUNK_CAPACITY - half);
            Arrays.fill(chunk.levels, half, CHUNK_CAPACITY, null);
            upper.size = CHUNK_CAPACITY - half;
            chunk.size = half;
            if (at > half)
            {
                chunk = upper;
                at -= half;
            }
        }
        final int tail = chunk.size - at;
        if (tail > 0)
        {
            System.arraycopy(chunk.keys, at, chunk.keys, at + 1, tail);
            System.arraycopy(chunk.levels, at, chunk.levels, at + 1, tail);
        }
        chunk.keys[at] = key;
        chunk.levels[at] = level;
        chunk.size++;
    }

    private void removeLevel(final PriceLevel level)
    {
        cursorRank = -1;
        final long key = higherIsBetter ? level.priceTicks : -level.priceTicks;
        final int chunkIndex = chunkFor(key);
        final Chunk chunk = chunks[chunkIndex];
        final int position = chunk.levels[chunk.size - 1] == level ? chunk.size - 1 : lastAtOrBelow(chunk, key);
        final int tail = chunk.size - position - 1;
        if (tail > 0)
        {
            System.arraycopy(chunk.keys, position + 1, chunk.keys, position, tail);
            System.arraycopy(chunk.levels, position + 1, chunk.levels, position, tail);
        }
        chunk.size--;
        chunk.levels[chunk.size] = null;
        levelCount--;
        if (chunk.size == 0)
        {
            removeChunk(chunkIndex);
        }
        else if (chunkIndex + 1 < chunkCount && chunk.size + chunks[chunkIndex + 1].size <= CHUNK_CAPACITY / 2)
        {
            mergeWithNext(chunkIndex);
        }

        level.head = null;
        level.tail = null;
        level.orderCount = 0;
        if (pooledLevels == levelPool.length)
        {
            levelPool = Arrays.copyOf(levelPool, levelPool.length * 2);
        }
        levelPool[pooledLevels++] = level;
    }

    /** Keeps chunks from thinning out after many removals: two small neighbours become one. */
    private void mergeWithNext(final int chunkIndex)
    {
        final Chunk chunk = chunks[chunkIndex];
        final Chunk next = chunks[chunkIndex + 1];
        System.arraycopy(next.keys, 0, chunk.keys, chunk.size, next.size);
        System.arraycopy(next.levels, 0, chunk.levels, chunk.size, next.size);
        chunk.size += next.size;
        Arrays.fill(next.levels, 0, next.size, null);
        next.size = 0;
        removeChunk(chunkIndex + 1);
    }

    private Chunk insertChunk(final int index)
    {
        if (chunkCount == chunks.length)
        {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        System.arraycopy(chunks, index, chunks, index + 1, chunkCount - index);
        final Chunk chunk = pooledChunks == 0 ? new Chunk() : chunkPool[--pooledChunks];
        chunks[index] = chunk;
        chunkCount++;
        return chunk;
    }

    private void removeChunk(final int index)
    {
        final Chunk chunk = chunks[index];
        System.arraycopy(chunks, index + 1, chunks, index, chunkCount - index - 1);
        chunkCount--;
        chunks[chunkCount] = null;
        if (pooledChunks == chunkPool.length)
        {
            chunkPool = Arrays.copyOf(chunkPool, chunkPool.length * 2);
        }
        chunkPool[pooledChunks++] = chunk;
    }
}
