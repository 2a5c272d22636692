package io.bourse.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.TestConfigs;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.event.EventLog;
import io.bourse.engine.journal.FsyncPolicy;
import io.bourse.engine.journal.JournalEntryView;
import io.bourse.engine.journal.JournalReader;
import io.bourse.engine.journal.JournalWriteException;
import io.bourse.engine.journal.JournalWriter;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelineTest
{
    private static final long START_NS = 1_790_000_000_000_000_000L;
    private static final long MID_PRICE_MINOR = 30_000_000_000L;
    private static final long PRICE_STEP_MINOR = 10_000_000L;
    private static final long QTY_MINOR = 1_000_000L;
    private static final long WAIT_NS = TimeUnit.SECONDS.toNanos(30);
    private static final CommandFiller<Producer> NEXT_COMMAND = (buffer, producer) -> producer.writeNext(buffer);

    @TempDir
    Path dir;

    @Test
    void shouldReplyToEveryCommandExactlyOnceInSequenceOrderAfterItIsJournaled() throws Exception
    {
        final int ordersPerProducer = 1_000;
        final int total = 2 * (2 + ordersPerProducer);
        final ExchangeEngine engine = new ExchangeEngine(TestConfigs.standard());
        final CountingClock clock = new CountingClock();
        final RecordingListener listener = new RecordingListener(dir);
        final Pipeline pipeline = new Pipeline(
            engine, 0, PipelineJournal.of(JournalWriter.open(dir, FsyncPolicy.BATCH)), listener,
            new PipelineContext().ringSize(64).clock(clock));
        try
        {
            final Thread buyer = producerThread(pipeline, new Producer(1, Side.BUY, ordersPerProducer));
            final Thread seller = producerThread(pipeline, new Producer(2, Side.SELL, ordersPerProducer));
            buyer.start();
            seller.start();
            buyer.join();
            seller.join();
            awaitCondition(() -> listener.replies.size() >= total);
        }
        finally
        {
            pipeline.close();
            listener.close();
        }

        assertThat(pipeline.failed()).isFalse();
        assertThat(listener.problems).isEmpty();
        final List<Reply> replies = new ArrayList<>(listener.replies);
        assertThat(replies).hasSize(total);
        for (int i = 0; i < total; i++)
        {
            assertThat(replies.get(i).engineSequence).isEqualTo(i + 1);
            if (i > 0)
            {
                assertThat(replies.get(i).engineTimeNs).isGreaterThan(replies.get(i - 1).engineTimeNs);
            }
        }
        assertThat(clock.reads.get()).as("one clock read per command").isEqualTo(total);
        assertThat(replies.stream().filter(r -> r.eventCount > 0)).hasSize(total);

        final ExchangeEngine replayed = new ExchangeEngine(TestConfigs.standard());
        final EventLog replayEvents = new EventLog();
        try (JournalReader reader = JournalReader.open(dir).seek(1))
        {
            for (final Reply reply : replies)
            {
                assertThat(reader.poll()).isTrue();
                final JournalEntryView entry = reader.entry();
                assertThat(entry.engineSequence()).isEqualTo(reply.engineSequence);
                assertThat(entry.engineTimeNs()).isEqualTo(reply.engineTimeNs);
                assertThat(entry.eventCount()).isEqualTo(reply.eventCount);
                assertThat(bytes(entry.eventsBuffer(), entry.eventsOffset(), entry.eventsLength())).isEqualTo(reply.events);
                assertThat(bytes(entry.commandBuffer(), entry.commandOffset(), entry.commandLength()))
                    .isEqualTo(reply.command);
                replayEvents.reset();
                replayed.process(
                    entry.commandBuffer(), entry.commandOffset(), entry.commandLength(), entry.engineTimeNs(), replayEvents);
                assertThat(bytes(replayEvents.buffer(), 0, replayEvents.length())).isEqualTo(reply.events);
            }
            assertThat(reader.poll()).isFalse();
        }
        assertThat(replayed.stateHash()).isEqualTo(engine.stateHash());
        assertThat(engine.heldMinor(1, TestConfigs.USDT) + engine.availableMinor(1, TestConfigs.USDT))
            .as("some orders traded").isLessThan(Producer.DEPOSIT_MINOR);
    }

    @Test
    void shouldReturnBusyInsteadOfBlockingWhenTheRingIsFull() throws Exception
    {
        final int ringSize = 8;
        final CountDownLatch release = new CountDownLatch(1);
        final ConcurrentLinkedQueue<Long> replied = new ConcurrentLinkedQueue<>();
        final ReplyListener blockingListener = (slot, endOfBatch) ->
        {
            awaitLatch(release);
            replied.add(slot.engineSequence());
        };
        final Pipeline pipeline = new Pipeline(
            new ExchangeEngine(TestConfigs.standard()), 0, PipelineJournal.of(JournalWriter.open(dir, FsyncPolicy.NONE)),
            blockingListener, new PipelineContext().ringSize(ringSize).waitStrategy("blocking"));
        try
        {
            final Producer producer = new Producer(1, Side.BUY, 100);
            int published = 0;
            long result = 0;
            while (published <= ringSize)
            {
                result = pipeline.publisher().tryPublish(NEXT_COMMAND, producer);
                if (result == CommandPublisher.BUSY)
                {
                    break;
                }
                assertThat(result).isGreaterThanOrEqualTo(0);
                published++;
            }
            assertThat(result).isEqualTo(CommandPublisher.BUSY);
            assertThat(published).isEqualTo(ringSize);
            assertThat(pipeline.publisher().tryPublish(NEXT_COMMAND, producer)).isEqualTo(CommandPublisher.BUSY);

            release.countDown();
            awaitCondition(() -> replied.size() == ringSize);
            awaitCondition(() -> pipeline.publisher().tryPublish(NEXT_COMMAND, producer) >= 0);
            awaitCondition(() -> replied.size() == ringSize + 1);
        }
        finally
        {
            release.countDown();
            pipeline.close();
        }
        assertThat(replied).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void shouldStopAcknowledgingAndAcceptingWhenTheJournalFails() throws Exception
    {
        final long failAt = 50;
        final PipelineJournal real = PipelineJournal.of(JournalWriter.open(dir, FsyncPolicy.NONE));
        final JournalWriteException diskFull = new JournalWriteException(
            "append of engine sequence " + failAt + " failed", new IOException("No space left on device"));
        final PipelineJournal failing = new FailingJournal(real, failAt, diskFull);
        final ConcurrentLinkedQueue<Long> replied = new ConcurrentLinkedQueue<>();
        final Pipeline pipeline = new Pipeline(
            new ExchangeEngine(TestConfigs.standard()), 0, failing, (slot, endOfBatch) -> replied.add(slot.engineSequence()),
            new PipelineContext().ringSize(16));
        final Producer producer = new Producer(1, Side.BUY, 500);
        long result = 0;
        try
        {
            for (int i = 0; i < 200 && result != CommandPublisher.FAILED; i++)
            {
                do
                {
                    result = pipeline.publisher().tryPublish(NEXT_COMMAND, producer);
                }
                while (result == CommandPublisher.BUSY);
            }
            awaitCondition(pipeline::failed);
            assertThat(pipeline.publisher().tryPublish(NEXT_COMMAND, producer)).isEqualTo(CommandPublisher.FAILED);
        }
        finally
        {
            pipeline.close();
        }

        assertThat(pipeline.failureCause()).isSameAs(diskFull);
        assertThat(replied).allSatisfy(sequence -> assertThat(sequence).isLessThan(failAt));
        final List<Long> sequences = new ArrayList<>(replied);
        for (int i = 0; i < sequences.size(); i++)
        {
            assertThat(sequences.get(i)).isEqualTo(i + 1);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.lastSequence()).isEqualTo(failAt - 1);
        }
    }

    @Test
    void shouldRejectARingSizeThatIsNotAPowerOfTwoAndAnUnknownWaitStrategy()
    {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PipelineContext().ringSize(100))
            .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WaitStrategies.fromName("spinning"))
            .isInstanceOf(IllegalArgumentException.class);
        for (final String name : new String[]{"yielding", "blocking", "sleeping", "busy-spin"})
        {
            assertThat(WaitStrategies.fromName(name)).isNotNull();
        }
    }

    private static Thread producerThread(final Pipeline pipeline, final Producer producer)
    {
        return new Thread(() ->
        {
            while (producer.hasNext())
            {
                final long result = pipeline.publisher().tryPublish(NEXT_COMMAND, producer);
                if (result == CommandPublisher.BUSY)
                {
                    Thread.onSpinWait();
                }
                else if (result == CommandPublisher.FAILED)
                {
                    return;
                }
            }
        }, "producer-" + producer.accountId);
    }

    private static void awaitCondition(final BooleanSupplier condition)
    {
        final long deadlineNs = System.nanoTime() + WAIT_NS;
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadlineNs);
            Thread.yield();
        }
    }

    private static void awaitLatch(final CountDownLatch latch)
    {
        try
        {
            latch.await(WAIT_NS, TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        return copy;
    }

    /** One account's command stream: create, deposit, then limit orders around a common mid price so some cross. */
    private static final class Producer
    {
        static final long DEPOSIT_MINOR = 10_000_000_000_000L;

        final long accountId;
        private final Side side;
        private final int orders;
        private final CommandWriter writer = new CommandWriter();
        private int next;

        Producer(final long accountId, final Side side, final int orders)
        {
            this.accountId = accountId;
            this.side = side;
            this.orders = orders;
        }

        boolean hasNext()
        {
            return next < orders + 2;
        }

        /** Writes the next command; called again after BUSY only when a slot was claimed, so never skips one. */
        int writeNext(final MutableDirectBuffer buffer)
        {
            writer.wrap(buffer);
            final int index = next++;
            if (index == 0)
            {
                writer.createAccount().accountId(accountId).allowSelfTrade(BooleanType.FALSE).reason("test");
            }
            else if (index == 1)
            {
                writer.deposit().accountId(accountId).assetId(side == Side.BUY ? TestConfigs.USDT : TestConfigs.BTC)
                    .amountMinor(DEPOSIT_MINOR).externalRef("dep-" + accountId).reason("test");
            }
            else
            {
                final long offsetMinor = (index % 7 - 3) * PRICE_STEP_MINOR;
                writer.placeOrder()
                    .accountId(accountId)
                    .symbolId(TestConfigs.BTC_USDT)
                    .clientOrderId("c" + accountId + "-" + index)
                    .side(side)
                    .orderType(OrderType.LIMIT)
                    .timeInForce(TimeInForce.GTC)
                    .stpMode(StpMode.CANCEL_TAKER)
                    .postOnly(BooleanType.FALSE)
                    .priceMinor(MID_PRICE_MINOR + offsetMinor)
                    .stopPriceMinor(0)
                    .qtyMinor(QTY_MINOR)
                    .expireTimeNs(0);
            }
            return writer.length();
        }
    }

    /** A clock that stands still for two reads at a time, so the engine stage must make it strictly increasing. */
    private static final class CountingClock implements EngineClock
    {
        final AtomicLong reads = new AtomicLong();

        @Override
        public long nowNs()
        {
            return START_NS + reads.getAndIncrement() / 2;
        }
    }

    private static final class Reply
    {
        final long engineSequence;
        final long engineTimeNs;
        final int eventCount;
        final byte[] command;
        final byte[] events;

        Reply(final CommandSlot slot)
        {
            engineSequence = slot.engineSequence();
            engineTimeNs = slot.engineTimeNs();
            eventCount = slot.events().count();
            command = bytes(slot.command(), 0, slot.commandLength());
            events = bytes(slot.events().buffer(), 0, slot.events().length());
        }
    }

    /** Copies each reply and checks, on the reply thread, that its entry is already readable from the journal. */
    private static final class RecordingListener implements ReplyListener
    {
        final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        private final Path dir;
        private JournalReader reader;

        RecordingListener(final Path dir)
        {
            this.dir = dir;
        }

        @Override
        public void onReply(final CommandSlot slot, final boolean endOfBatch)
        {
            if (reader == null)
            {
                reader = JournalReader.open(dir);
            }
            final Reply reply = new Reply(slot);
            reader.seek(reply.engineSequence);
            if (!reader.poll() || reader.entry().engineSequence() != reply.engineSequence ||
                !Arrays.equals(bytes(reader.entry().eventsBuffer(), reader.entry().eventsOffset(),
                    reader.entry().eventsLength()), reply.events))
            {
                problems.add("entry " + reply.engineSequence + " not in the journal when replied");
            }
            replies.add(reply);
        }

        void close()
        {
            if (reader != null)
            {
                reader.close();
            }
        }
    }

    /** Delegates until the given engine sequence, then fails that append and everything after it. */
    private static final class FailingJournal implements PipelineJournal
    {
        private final PipelineJournal delegate;
        private final long failAt;
        private final JournalWriteException failure;

        FailingJournal(final PipelineJournal delegate, final long failAt, final JournalWriteException failure)
        {
            this.delegate = delegate;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public long append(
            final long engineSequence,
            final long engineTimeNs,
            final DirectBuffer command,
            final int cmdOffset,
            final int cmdLength,
            final DirectBuffer events,
            final int eventsLength,
            final int eventCount)
        {
            if (engineSequence >= failAt)
            {
                throw failure;
            }
            return delegate.append(
                engineSequence, engineTimeNs, command, cmdOffset, cmdLength, events, eventsLength, eventCount);
        }

        @Override
        public void endOfBatch()
        {
            delegate.endOfBatch();
        }

        @Override
        public void close()
        {
            delegate.close();
        }
    }
}
