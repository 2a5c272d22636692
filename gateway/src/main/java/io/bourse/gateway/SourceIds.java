package io.bourse.gateway;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocates the {@code sourceId} stamped on every published command, unique within the process across all acceptors
 * (binary sessions, FIX sessions, admin requests), so each reply listener can tell its own commands apart. 0 means
 * no source. Thread-safe.
 */
public final class SourceIds
{
    public static final long NO_SOURCE = 0;

    private static final AtomicLong NEXT = new AtomicLong(1);

    private SourceIds()
    {
    }

    public static long next()
    {
        return NEXT.getAndIncrement();
    }
}
