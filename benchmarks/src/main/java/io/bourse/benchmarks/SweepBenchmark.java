package io.bourse.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.TimeInForce;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * An aggressive IOC buy that sweeps {@value #LEVELS_PER_SWEEP} ask levels exactly (every maker filled, settled with
 * fees on both sides). Each invocation runs {@value #SWEEPS} sweeps up a staircase of
 * {@code SWEEPS x LEVELS_PER_SWEEP} one-tick levels; the staircase is refilled before each invocation, unmeasured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
@State(Scope.Thread)
public class SweepBenchmark
{
    public static final int SWEEPS = 100;
    public static final int LEVELS_PER_SWEEP = 10;
    public static final int STAIRCASE_LEVELS = SWEEPS * LEVELS_PER_SWEEP;
    public static final long MAKER_QTY_LOTS = 2;
    /** Makers use accounts 1..500, takers 501..1000, so self-trade prevention never stops a sweep. */
    private static final int MAKER_ACCOUNTS = MicroBook.ACCOUNTS / 2;

    /** Resting orders per swept level; each taker fills all of them. */
    @Param("1")
    public int makersPerLevel;

    private EngineDriver driver;
    private ExchangeEngine engine;
    private EventLog events;
    private final CommandStream refill = new CommandStream();
    private final CommandStream takers = new CommandStream();
    private boolean swept;

    @Setup(Level.Trial)
    public void setUpBook()
    {
        driver = MicroBook.fundedExchange();
        engine = driver.engine();
        events = driver.events();
        // Background liquidity: the bid ladder below the staircase, the ask ladder above it.
        MicroBook.restLadder(driver, Side.BUY, MicroBook.MID_TICKS - 1);
        MicroBook.restLadder(driver, Side.SELL, MicroBook.MID_TICKS + STAIRCASE_LEVELS + 1);
        int maker = 0;
        // Highest level first, so each refill order lands at the best end of the ask side.
        for (int level = STAIRCASE_LEVELS; level >= 1; level--)
        {
            for (int m = 0; m < makersPerLevel; m++)
            {
                Commands.placeLimit(driver.writer(), 1 + maker++ % MAKER_ACCOUNTS, Side.SELL, TimeInForce.GTC,
                    MicroBook.MID_TICKS + level, MAKER_QTY_LOTS, null);
                refill.append(driver.writer().buffer(), 0, driver.writer().length());
            }
        }
        for (int sweep = 0; sweep < SWEEPS; sweep++)
        {
            Commands.placeLimit(driver.writer(), 1 + MAKER_ACCOUNTS + sweep % MAKER_ACCOUNTS, Side.BUY, TimeInForce.IOC,
                MicroBook.MID_TICKS + (long)(sweep + 1) * LEVELS_PER_SWEEP,
                LEVELS_PER_SWEEP * makersPerLevel * MAKER_QTY_LOTS, null);
            takers.append(driver.writer().buffer(), 0, driver.writer().length());
        }
    }

    @Setup(Level.Invocation)
    public void refillStaircase()
    {
        if (swept)
        {
            final int trades = driver.count(events, TradeExecutedDecoder.TEMPLATE_ID);
            if (trades != LEVELS_PER_SWEEP * makersPerLevel)
            {
                throw new IllegalStateException("last sweep made " + trades + " trades");
            }
        }
        for (int i = 0; i < refill.size(); i++)
        {
            if (driver.firstTemplateId(driver.process(refill.buffer(), refill.offset(i), refill.length(i)))
                != OrderAcceptedDecoder.TEMPLATE_ID)
            {
                throw new IllegalStateException("refill order rejected");
            }
        }
    }

    /** One IOC buy sweeping {@value #LEVELS_PER_SWEEP} levels: accept, hold, trades with settlement, close. */
    @Benchmark
    @OperationsPerInvocation(SWEEPS)
    public int sweep()
    {
        final long nowNs = driver.nowNs();
        int eventBytes = 0;
        for (int i = 0; i < SWEEPS; i++)
        {
            events.reset();
            engine.process(takers.buffer(), takers.offset(i), takers.length(i), nowNs, events);
            eventBytes += events.length();
        }
        swept = true;
        return eventBytes;
    }
}
