package io.bourse.persistence.sidecar;

/**
 * Exponential backoff between reconnection attempts: 100 ms doubling up to a cap, reset after a success. One thread.
 */
final class Backoff
{
    private static final long INITIAL_MS = 100;

    private final long maxMs;
    private long nextMs = INITIAL_MS;
    private int attempts;

    Backoff(final long maxMs)
    {
        this.maxMs = Math.max(INITIAL_MS, maxMs);
    }

    /** How long to wait before the next attempt; doubles the wait after it. */
    long nextDelayMs()
    {
        attempts++;
        final long delay = nextMs;
        nextMs = Math.min(maxMs, nextMs * 2);
        return delay;
    }

    /** Failed attempts since the last success. */
    int attempts()
    {
        return attempts;
    }

    void reset()
    {
        nextMs = INITIAL_MS;
        attempts = 0;
    }
}
