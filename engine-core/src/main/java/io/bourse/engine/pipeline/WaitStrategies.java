package io.bourse.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** Maps the config names of wait strategies to Disruptor strategies. */
public final class WaitStrategies
{
    /** Behaves well on 2 cores: spins briefly, then yields. */
    public static final String DEFAULT = "yielding";

    private WaitStrategies()
    {
    }

    /** @param name one of {@code yielding}, {@code blocking}, {@code sleeping}, {@code busy-spin}. */
    public static WaitStrategy fromName(final String name)
    {
        switch (name)
        {
            case "yielding":
                return new YieldingWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy '" + name + "': expected yielding, blocking, sleeping or busy-spin");
        }
    }
}
