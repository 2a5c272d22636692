package io.bourse.engine.account;

import io.bourse.engine.state.StateHasher;

/**
 * Every external reference of an accepted deposit or withdrawal, kept forever to make them idempotent: an
 * open-addressing set of 32-byte ids stored as four longs per slot, no object per entry. Engine thread only.
 */
public final class ExternalRefSet
{
    private static final int WORDS = 4;

    private long[] words;
    private boolean[] used;
    private int mask;
    private int size;
    private long digestSum;

    public ExternalRefSet()
    {
        allocate(64);
    }

    public boolean contains(final long w0, final long w1, final long w2, final long w3)
    {
        int index = slot(w0, w1, w2, w3);
        while (used[index])
        {
            final int base = index * WORDS;
            if (words[base] == w0 && words[base + 1] == w1 && words[base + 2] == w2 && words[base + 3] == w3)
            {
                return true;
            }
            index = (index + 1) & mask;
        }
        return false;
    }

    /** Adds a reference not yet in the set. */
    public void add(final long w0, final long w1, final long w2, final long w3)
    {
        if ((size + 1) * 2 > used.length)
        {
            grow();
        }
        insert(w0, w1, w2, w3);
        size++;
        digestSum += StateHasher.digest(w0, w1, w2, w3);
    }

    public int size()
    {
        return size;
    }

    /** The wrapping sum of every reference's digest: a summary independent of insertion order. */
    public long digestSum()
    {
        return digestSum;
    }

    /** Visits every reference (any order), e.g. to write a snapshot. */
    public void forEach(final RefVisitor visitor)
    {
        for (int i = 0; i < used.length; i++)
        {
            if (used[i])
            {
                final int base = i * WORDS;
                visitor.visit(words[base], words[base + 1], words[base + 2], words[base + 3]);
            }
        }
    }

    /** Receives one reference as four little-endian words. */
    @FunctionalInterface
    public interface RefVisitor
    {
        void visit(long w0, long w1, long w2, long w3);
    }

    private void insert(final long w0, final long w1, final long w2, final long w3)
    {
        int index = slot(w0, w1, w2, w3);
        while (used[index])
        {
            index = (index + 1) & mask;
        }
        used[index] = true;
        final int base = index * WORDS;
        words[base] = w0;
        words[base + 1] = w1;
        words[base + 2] = w2;
        words[base + 3] = w3;
    }

    private void grow()
    {
        final long[] oldWords = words;
        final boolean[] oldUsed = used;
        allocate(oldUsed.length * 2);
        for (int i = 0; i < oldUsed.length; i++)
        {
            if (oldUsed[i])
            {
                final int base = i * WORDS;
                insert(oldWords[base], oldWords[base + 1], oldWords[base + 2], oldWords[base + 3]);
            }
        }
    }

    private void allocate(final int capacity)
    {
        words = new long[capacity * WORDS];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    private int slot(final long w0, final long w1, final long w2, final long w3)
    {
        return (int)StateHasher.digest(w0, w1, w2, w3) & mask;
    }
}
