package io.bourse.benchmarks;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.MessageHeaderEncoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.ReplaceOrderEncoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.TimeInForce;

/**
 * Amending resting orders near the touch of the standard {@link MicroBook}: a one-tick price change (priority lost:
 * the order leaves its level and rejoins the tail of the next one, hold adjusted) and a one-lot quantity decrease
 * (priority kept, part of the hold released). {@value #TARGETS} target orders are amended in turn.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class AmendBenchmark
{
    public static final int TARGETS = 1_000;
    public static final int NEAR_TOUCH_LEVELS = 10;
    /** Large enough that one lot off per amend never runs out within a run (checked each iteration). */
    public static final long TARGET_QTY_LOTS = 1_000_000;
    private static final long MIN_QTY_LEFT_LOTS = 1_000;
    private static final int QTY_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + ReplaceOrderEncoder.qtyMinorEncodingOffset();

    /** The book with {@value #TARGETS} large target orders at the near-touch levels, half bids, half asks. */
    @State(Scope.Thread)
    public static class Targets
    {
        EngineDriver driver;
        ExchangeEngine engine;
        EventLog events;
        final long[] orderIds = new long[TARGETS];
        final long[] accountIds = new long[TARGETS];
        final long[] priceTicks = new long[TARGETS];
        final boolean[] buy = new boolean[TARGETS];
        int next;

        /** Called first by each subclass's trial setup (JMH does not order setups across a class hierarchy). */
        void placeTargets()
        {
            driver = MicroBook.standardBook();
            engine = driver.engine();
            events = driver.events();
            for (int t = 0; t < TARGETS; t++)
            {
                buy[t] = (t & 1) == 0;
                final long depth = (t >> 1) % NEAR_TOUCH_LEVELS;
                priceTicks[t] = buy[t] ? MicroBook.MID_TICKS - 1 - depth : MicroBook.MID_TICKS + 1 + depth;
                accountIds[t] = MicroBook.accountFor(t);
                orderIds[t] = driver.placeLimit(accountIds[t], buy[t] ? Side.BUY : Side.SELL, TimeInForce.GTC,
                    priceTicks[t], TARGET_QTY_LOTS, "t" + t);
            }
        }

        /** The next target, round robin. */
        int nextTarget()
        {
            final int t = next;
            next = t + 1 == TARGETS ? 0 : t + 1;
            return t;
        }

        void expectReplaced()
        {
            if (driver.firstTemplateId(events) != OrderReplacedDecoder.TEMPLATE_ID)
            {
                throw new IllegalStateException("amend not applied: first event template " + driver.firstTemplateId(events));
            }
        }
    }

    /** Two amends per target: one tick away from the touch, and back. */
    @State(Scope.Thread)
    public static class PriceAmends extends Targets
    {
        final CommandStream amends = new CommandStream();
        final boolean[] moved = new boolean[TARGETS];

        @Setup(Level.Trial)
        public void setUp()
        {
            placeTargets();
            for (int t = 0; t < TARGETS; t++)
            {
                final long awayTicks = buy[t] ? priceTicks[t] - 1 : priceTicks[t] + 1;
                Commands.replace(driver.writer(), accountIds[t], orderIds[t], awayTicks, TARGET_QTY_LOTS);
                amends.append(driver.writer().buffer(), 0, driver.writer().length());
                Commands.replace(driver.writer(), accountIds[t], orderIds[t], priceTicks[t], TARGET_QTY_LOTS);
                amends.append(driver.writer().buffer(), 0, driver.writer().length());
            }
        }

        @TearDown(Level.Iteration)
        public void checkLastAmend()
        {
            expectReplaced();
        }
    }

    /** One amend command per target whose quantity field is lowered by one lot before each use. */
    @State(Scope.Thread)
    public static class QtyAmends extends Targets
    {
        final CommandStream amends = new CommandStream();
        final long[] qtyLots = new long[TARGETS];

        @Setup(Level.Trial)
        public void setUp()
        {
            placeTargets();
            for (int t = 0; t < TARGETS; t++)
            {
                qtyLots[t] = TARGET_QTY_LOTS;
                Commands.replace(driver.writer(), accountIds[t], orderIds[t], priceTicks[t], TARGET_QTY_LOTS);
                amends.append(driver.writer().buffer(), 0, driver.writer().length());
            }
        }

        @Setup(Level.Iteration)
        public void checkQuantityLeft()
        {
            for (int t = 0; t < TARGETS; t++)
            {
                if (qtyLots[t] < MIN_QTY_LEFT_LOTS)
                {
                    throw new IllegalStateException("target " + t + " has only " + qtyLots[t] + " lots left: lengthen TARGET_QTY_LOTS");
                }
            }
        }

        @TearDown(Level.Iteration)
        public void checkLastAmend()
        {
            expectReplaced();
        }
    }

    /** Price moved one tick (alternately away from and back towards the touch), quantity unchanged. */
    @Benchmark
    public int amendPrice(final PriceAmends state)
    {
        final int t = state.nextTarget();
        final boolean moved = state.moved[t];
        state.moved[t] = !moved;
        final int index = 2 * t + (moved ? 1 : 0);
        final CommandStream amends = state.amends;
        final EventLog events = state.events;
        events.reset();
        state.engine.process(amends.buffer(), amends.offset(index), amends.length(index), state.driver.nowNs(), events);
        return events.length();
    }

    /** Quantity lowered by one lot at the same price: priority kept. The store into the command is measured too. */
    @Benchmark
    public int amendQtyDown(final QtyAmends state)
    {
        final int t = state.nextTarget();
        final long qtyLots = state.qtyLots[t] - 1;
        state.qtyLots[t] = qtyLots;
        final CommandStream amends = state.amends;
        final int offset = amends.offset(t);
        amends.buffer().putLong(offset + QTY_OFFSET, qtyLots * BenchmarkConfigs.BTC_USDT_LOT_MINOR, ByteOrder.LITTLE_ENDIAN);
        final EventLog events = state.events;
        events.reset();
        state.engine.process(amends.buffer(), offset, amends.length(t), state.driver.nowNs(), events);
        return events.length();
    }
}
