package io.bourse.engine.state;

/**
 * An order-dependent 64-bit hash over a sequence of longs, used for the engine's state hash
 * (docs/semantics.md §11). Not cryptographic; it only has to make accidental collisions unlikely. Not thread safe.
 */
public final class StateHasher
{
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private static final long SEED = 0x5EED_B0B5_E000_0001L;

    private long hash = SEED;
    private long count;

    /** Mixes one value into the hash; the order of calls matters. */
    public StateHasher add(final long value)
    {
        hash = step(hash, value, count);
        count++;
        return this;
    }

    /** Mixes a boolean as 1 or 0. */
    public StateHasher add(final boolean value)
    {
        return add(value ? 1L : 0L);
    }

    /** The hash of everything added so far. */
    public long value()
    {
        return mix(hash ^ count);
    }

    /** Starts again from the empty sequence. */
    public StateHasher reset()
    {
        hash = SEED;
        count = 0;
        return this;
    }

    /** The SplitMix64 finaliser: a bijective avalanche of one long. */
    public static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Digest of a fixed 32-byte ASCII id given as its four little-endian words: the same as adding the four to a new hasher. */
    public static long digest(final long w0, final long w1, final long w2, final long w3)
    {
        long h = SEED;
        h = step(h, w0, 0);
        h = step(h, w1, 1);
        h = step(h, w2, 2);
        h = step(h, w3, 3);
        return mix(h ^ 4);
    }

    private static long step(final long hash, final long value, final long count)
    {
        return Long.rotateLeft(hash ^ mix(value + count), 29) * GOLDEN;
    }
}
