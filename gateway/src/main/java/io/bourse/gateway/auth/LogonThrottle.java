package io.bourse.gateway.auth;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down secret guessing per account: after {@code freeFailures} consecutive wrong secrets, each further one locks
 * the account's logons for {@code baseLockNs} doubled per extra failure, up to {@code maxLockNs}. A correct secret
 * resets the count. Time comes from the supplied nanosecond clock. Thread-safe.
 */
public final class LogonThrottle
{
    /** Entries kept before expired ones are swept, so guesses at random account ids cannot grow the map forever. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final ConcurrentHashMap<Long, Failures> failuresByAccount = new ConcurrentHashMap<>();
    private final int freeFailures;
    private final long baseLockNs;
    private final long maxLockNs;
    private final LongSupplier clockNs;

    public LogonThrottle(final int freeFailures, final long baseLockNs, final long maxLockNs, final LongSupplier clockNs)
    {
        this.freeFailures = freeFailures;
        this.baseLockNs = baseLockNs;
        this.maxLockNs = maxLockNs;
        this.clockNs = clockNs;
    }

    /** Whether a logon of {@code accountId} may be checked now (false while the account is locked). */
    public boolean allowed(final long accountId)
    {
        final Failures failures = failuresByAccount.get(accountId);
        return failures == null || clockNs.getAsLong() - failures.lockedUntilNs >= 0;
    }

    public void onSuccess(final long accountId)
    {
        failuresByAccount.remove(accountId);
    }

    public void onFailure(final long accountId)
    {
        final long nowNs = clockNs.getAsLong();
        if (failuresByAccount.size() > SWEEP_THRESHOLD)
        {
            failuresByAccount.values().removeIf(f -> nowNs - f.lockedUntilNs > maxLockNs);
        }
        failuresByAccount.compute(accountId, (id, previous) ->
        {
            final Failures failures = previous == null ? new Failures() : previous;
            failures.count++;
            final int extra = failures.count - freeFailures;
            if (extra > 0)
            {
                final long lockNs = extra >= 62 ? maxLockNs : Math.min(maxLockNs, baseLockNs << Math.min(extra - 1, 40));
                failures.lockedUntilNs = nowNs + (lockNs < 0 ? maxLockNs : lockNs);
            }
            else
            {
                failures.lockedUntilNs = nowNs;
            }
            return failures;
        });
    }

    private static final class Failures
    {
        int count;
        long lockedUntilNs;
    }
}
