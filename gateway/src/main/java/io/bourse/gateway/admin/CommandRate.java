package io.bourse.gateway.admin;

import java.util.function.LongSupplier;

/**
 * Commands per second over the last sampling period, from the journaled sequence sampled about once a second.
 * {@link #sample} from one thread; {@link #perSecond} from any.
 */
final class CommandRate
{
    private final LongSupplier journaledSequence;
    private long lastSequence = -1;
    private long lastSampleNs;
    private volatile double perSecond;

    CommandRate(final LongSupplier journaledSequence)
    {
        this.journaledSequence = journaledSequence;
    }

    void sample(final long nowNs)
    {
        final long sequence = journaledSequence.getAsLong();
        if (lastSequence >= 0 && nowNs > lastSampleNs)
        {
            perSecond = (sequence - lastSequence) * 1e9 / (nowNs - lastSampleNs);
        }
        lastSequence = sequence;
        lastSampleNs = nowNs;
    }

    double perSecond()
    {
        return perSecond;
    }
}
