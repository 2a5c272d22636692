package io.bourse.benchmarks;

import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.CancelOrderEncoder;
import io.bourse.sbe.MessageHeaderEncoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.TimeInForce;

/**
 * Placing a non-crossing GTC limit order near the touch, and cancelling one, on the standard {@link MicroBook}: each
 * measured separately in batches of {@value #BATCH} (the other half of the cycle runs unmeasured in an
 * invocation-level setup), and as a place + cancel pair.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class PlaceCancelBenchmark
{
    /** Orders placed (or cancelled) per measured invocation. */
    public static final int BATCH = 1_000;
    /** Levels from the touch the orders are spread over, on each side. */
    public static final int NEAR_TOUCH_LEVELS = 20;

    private static final int CANCEL_ORDER_ID_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + CancelOrderEncoder.orderIdEncodingOffset();
    private static final int ACCEPTED_ORDER_ID_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + OrderAcceptedDecoder.orderIdEncodingOffset();

    /** The book, one batch of place commands and the cancels of the same orders (ids filled in later). */
    @State(Scope.Thread)
    public static class Batch
    {
        EngineDriver driver;
        ExchangeEngine engine;
        EventLog events;
        final CommandStream places = new CommandStream();
        /** Cancel {@code k} targets the order of slot {@code cancelOrder[k]}. */
        final CommandStream cancels = new CommandStream();
        int[] cancelOrder;
        /** Cancel command of each slot, by slot. */
        final CommandStream cancelsBySlot = new CommandStream();

        @Setup(Level.Trial)
        public void setUpBook()
        {
            driver = MicroBook.standardBook();
            engine = driver.engine();
            events = driver.events();
            for (int slot = 0; slot < BATCH; slot++)
            {
                final boolean buy = (slot & 1) == 0;
                final long depth = (slot >> 1) % NEAR_TOUCH_LEVELS;
                final long priceTicks = buy ? MicroBook.MID_TICKS - 1 - depth : MicroBook.MID_TICKS + 1 + depth;
                Commands.placeLimit(driver.writer(), MicroBook.accountFor(slot), buy ? Side.BUY : Side.SELL, TimeInForce.GTC,
                    priceTicks, 1 + slot % 5, "p" + slot);
                places.append(driver.writer().buffer(), 0, driver.writer().length());
                Commands.cancel(driver.writer(), MicroBook.accountFor(slot), 0);
                cancelsBySlot.append(driver.writer().buffer(), 0, driver.writer().length());
            }
            cancelOrder = shuffledSlots(new Random(42));
            for (int k = 0; k < BATCH; k++)
            {
                final int slot = cancelOrder[k];
                cancels.append(cancelsBySlot.buffer(), cancelsBySlot.offset(slot), cancelsBySlot.length(slot));
            }
        }

        /** Places the whole batch (unmeasured) and writes each order's id into its cancel command. */
        void placeBatchUnmeasured()
        {
            final long firstId = driver.acceptedOrderId(driver.process(places.buffer(), places.offset(0), places.length(0)));
            for (int slot = 1; slot < BATCH; slot++)
            {
                final long id = driver.acceptedOrderId(driver.process(places.buffer(), places.offset(slot), places.length(slot)));
                if (id != firstId + slot)
                {
                    throw new IllegalStateException("order ids not consecutive: " + id + " after " + firstId);
                }
            }
            setCancelIds(firstId);
        }

        /** Cancels the whole batch (unmeasured), whose first order id is {@code firstId}. */
        void cancelBatchUnmeasured(final long firstId)
        {
            setCancelIds(firstId);
            for (int k = 0; k < BATCH; k++)
            {
                expectCancelled(driver.process(cancels.buffer(), cancels.offset(k), cancels.length(k)));
            }
        }

        void expectCancelled(final EventLog log)
        {
            if (driver.firstTemplateId(log) != OrderCancelledDecoder.TEMPLATE_ID)
            {
                throw new IllegalStateException("cancel did not cancel: first event template " + driver.firstTemplateId(log));
            }
        }

        private void setCancelIds(final long firstId)
        {
            for (int k = 0; k < BATCH; k++)
            {
                cancels.buffer().putLong(cancels.offset(k) + CANCEL_ORDER_ID_OFFSET, firstId + cancelOrder[k], ByteOrder.LITTLE_ENDIAN);
            }
        }

        private static int[] shuffledSlots(final Random random)
        {
            final int[] slots = new int[BATCH];
            for (int i = 0; i < BATCH; i++)
            {
                slots[i] = i;
            }
            for (int i = BATCH - 1; i > 0; i--)
            {
                final int j = random.nextInt(i + 1);
                final int swap = slots[i];
                slots[i] = slots[j];
                slots[j] = swap;
            }
            return slots;
        }
    }

    /** For {@link #place}: before each invocation, cancels the batch the previous one placed. */
    @State(Scope.Thread)
    public static class PlaceState extends Batch
    {
        boolean batchResting;

        @Setup(Level.Invocation)
        public void cancelPreviousBatch()
        {
            if (batchResting)
            {
                // The log still holds the events of the last measured place: its id ends the batch.
                final long lastId = driver.acceptedOrderId(events);
                if (events.count() != 2)
                {
                    throw new IllegalStateException("a place did more than accept and hold: " + events.count() + " events");
                }
                cancelBatchUnmeasured(lastId - BATCH + 1);
                batchResting = false;
            }
        }
    }

    /** For {@link #cancel}: before each invocation, places a batch whose cancels are then measured. */
    @State(Scope.Thread)
    public static class CancelState extends Batch
    {
        boolean measuredOnce;

        @Setup(Level.Invocation)
        public void placeNextBatch()
        {
            if (measuredOnce)
            {
                expectCancelled(events);
            }
            placeBatchUnmeasured();
            measuredOnce = true;
        }
    }

    /** For {@link #placeAndCancel}: which slot comes next. */
    @State(Scope.Thread)
    public static class PairState extends Batch
    {
        int slot;

        @TearDown(Level.Iteration)
        public void checkBookUnchanged()
        {
            final int open = MicroBook.openOrderCount(engine);
            if (open != 2 * MicroBook.LADDER_ORDERS)
            {
                throw new IllegalStateException("place + cancel left " + open + " open orders");
            }
        }
    }

    /** One non-crossing limit order placed (accepted, funds held, rested at the tail of a near-touch level). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int place(final PlaceState state)
    {
        final CommandStream places = state.places;
        final ExchangeEngine engine = state.engine;
        final EventLog events = state.events;
        final long nowNs = state.driver.nowNs();
        int eventBytes = 0;
        for (int i = 0; i < BATCH; i++)
        {
            events.reset();
            engine.process(places.buffer(), places.offset(i), places.length(i), nowNs, events);
            eventBytes += events.length();
        }
        state.batchResting = true;
        return eventBytes;
    }

    /** One resting order cancelled by engine id (removed from its level, hold released), in random order. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int cancel(final CancelState state)
    {
        final CommandStream cancels = state.cancels;
        final ExchangeEngine engine = state.engine;
        final EventLog events = state.events;
        final long nowNs = state.driver.nowNs();
        int eventBytes = 0;
        for (int k = 0; k < BATCH; k++)
        {
            events.reset();
            engine.process(cancels.buffer(), cancels.offset(k), cancels.length(k), nowNs, events);
            eventBytes += events.length();
        }
        return eventBytes;
    }

    /** Place, read the id from the ack, cancel: one op is both commands. */
    @Benchmark
    public int placeAndCancel(final PairState state)
    {
        final int slot = state.slot;
        state.slot = slot + 1 == BATCH ? 0 : slot + 1;
        final ExchangeEngine engine = state.engine;
        final EventLog events = state.events;
        final long nowNs = state.driver.nowNs();
        final CommandStream places = state.places;
        events.reset();
        engine.process(places.buffer(), places.offset(slot), places.length(slot), nowNs, events);
        final long orderId = events.buffer().getLong(ACCEPTED_ORDER_ID_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final int placeBytes = events.length();
        final CommandStream cancels = state.cancelsBySlot;
        final int cancelOffset = cancels.offset(slot);
        cancels.buffer().putLong(cancelOffset + CANCEL_ORDER_ID_OFFSET, orderId, ByteOrder.LITTLE_ENDIAN);
        events.reset();
        engine.process(cancels.buffer(), cancelOffset, cancels.length(slot), nowNs, events);
        return placeBytes + events.length();
    }
}
