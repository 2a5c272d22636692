package io.bourse.benchmarks;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.agrona.DirectBuffer;

import io.bourse.engine.ExchangeEngine;
import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandRejectedDecoder;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.TimeInForce;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * Generates the realistic mixed BTC-USDT stream by driving a shadow engine: every command is run on it as soon as
 * it is written, and its events (ids, fills, cancels, amends) keep a {@link BookMirror} of what is open, so later
 * cancels and amends target live orders. The engine is deterministic, so the same commands replayed on a fresh
 * engine at the same timestamps reproduce the same run exactly. Generation only; not thread-safe.
 */
final class MixedStreamGenerator
{
    static final int ACCOUNTS = 1_000;
    /** Resting orders per side kept near the touch (within {@link #NEAR_LEVELS} ticks of the opposite best). */
    static final int NEAR_TARGET = 200;
    /** Resting orders per side kept in the deep book, {@link #DEEP_MIN_TICKS} to +{@link #DEEP_RANGE_TICKS} away. */
    static final int DEEP_TARGET = 800;
    static final int NEAR_LEVELS = 20;
    static final int DEEP_MIN_TICKS = 20;
    static final int DEEP_RANGE_TICKS = 3_000;
    /** Shares of the stream: takers, amends near the touch, deep-book place/cancel; the rest is near place/cancel. */
    static final double TAKER_SHARE = 0.06;
    static final double AMEND_SHARE = 0.20;
    static final double DEEP_SHARE = 0.05;
    /** Takers lean against the mid's distance from the reference price, so the price stays in a range. */
    static final double REVERSION_TICKS = 500;

    private static final long TICK = BenchmarkConfigs.BTC_USDT_TICK_MINOR;
    private static final long LOT = BenchmarkConfigs.BTC_USDT_LOT_MINOR;
    private static final long REFERENCE_TICKS = BenchmarkConfigs.BTC_USDT_REFERENCE_TICKS;
    private static final int SAMPLE_EVERY = 1_000;
    private static final int CROSS_CHECK_EVERY = 250_000;

    private final Random random;
    private final ExchangeEngine shadow = new ExchangeEngine(BenchmarkConfigs.standard());
    private final EventLog events = new EventLog();
    private final CommandWriter writer = new CommandWriter();
    private final BookMirror book = new BookMirror();
    private final StreamStats stats = new StreamStats();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final TradeExecutedDecoder trade = new TradeExecutedDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
    private final CommandRejectedDecoder rejected = new CommandRejectedDecoder();
    private long clientOrderSequence;
    /** Zone of the order the current command places. */
    private boolean placingDeep;
    private int tradesInCommand;
    private int selfTradeCancelsInCommand;

    MixedStreamGenerator(final long seed)
    {
        random = new Random(seed);
    }

    /** Writes the setup prefix and {@code commands} measured commands; returns them with the shadow's final state. */
    MixedStream generate(final int commands)
    {
        final CommandStream prefix = new CommandStream();
        writePrefix(prefix);
        final CommandStream body = new CommandStream(commands * 90, commands);
        final byte[] kinds = new byte[commands];
        for (int i = 0; i < commands; i++)
        {
            final CommandKind kind = writeNext();
            final int index = body.append(writer.buffer(), 0, writer.length());
            kinds[index] = (byte)kind.ordinal();
            run(writer.buffer(), writer.length(), MixedStream.bodyTimeNs(index), kind);
            if ((i + 1) % SAMPLE_EVERY == 0)
            {
                stats.sampleBook(book, REFERENCE_TICKS);
            }
            if ((i + 1) % CROSS_CHECK_EVERY == 0 || i + 1 == commands)
            {
                crossCheck();
            }
        }
        return new MixedStream(BenchmarkConfigs.standard(), prefix, body, kinds, shadow.stateHash(), stats);
    }

    /** Accounts, deposits and the opening book: not measured, replayed into every fresh engine. */
    private void writePrefix(final CommandStream prefix)
    {
        for (int id = 1; id <= ACCOUNTS; id++)
        {
            Commands.createAccount(writer, id);
            appendPrefix(prefix);
            Commands.deposit(writer, id, BenchmarkConfigs.BTC, MicroBook.BTC_PER_ACCOUNT_MINOR, "btc-" + id);
            appendPrefix(prefix);
            Commands.deposit(writer, id, BenchmarkConfigs.USDT, MicroBook.USDT_PER_ACCOUNT_MINOR, "usdt-" + id);
            appendPrefix(prefix);
        }
        for (int i = 0; i < 2 * NEAR_TARGET; i++)
        {
            writePassivePlace((i & 1) == 0, false);
            appendPrefix(prefix);
        }
        for (int i = 0; i < 2 * DEEP_TARGET; i++)
        {
            writePassivePlace((i & 1) == 0, true);
            appendPrefix(prefix);
        }
    }

    /** Appends the command in the writer to the prefix and runs it on the shadow engine; it must not be rejected. */
    private void appendPrefix(final CommandStream prefix)
    {
        final int index = prefix.append(writer.buffer(), 0, writer.length());
        events.reset();
        shadow.process(writer.buffer(), 0, writer.length(), MixedStream.prefixTimeNs(index), events);
        final String reject = scanEvents();
        if (reject != null)
        {
            throw new IllegalStateException("prefix command " + index + " rejected: " + reject);
        }
    }

    private void run(final DirectBuffer command, final int length, final long nowNs, final CommandKind kind)
    {
        events.reset();
        shadow.process(command, 0, length, nowNs, events);
        tradesInCommand = 0;
        selfTradeCancelsInCommand = 0;
        final String reject = scanEvents();
        stats.command(kind, tradesInCommand, reject, selfTradeCancelsInCommand);
    }

    /** Applies the command's events to the mirror; returns the reject reason, or null. */
    private String scanEvents()
    {
        final DirectBuffer buffer = events.buffer();
        String reject = null;
        int offset = 0;
        while (offset < events.length())
        {
            header.wrap(buffer, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            final int blockLength = header.blockLength();
            final int version = header.version();
            switch (header.templateId())
            {
                case OrderAcceptedDecoder.TEMPLATE_ID:
                    accepted.wrap(buffer, body, blockLength, version);
                    book.accepted(accepted.orderId(), accepted.accountId(), accepted.side() == Side.BUY, placingDeep,
                        accepted.priceMinor() / TICK, accepted.qtyMinor() / LOT);
                    break;
                case TradeExecutedDecoder.TEMPLATE_ID:
                    trade.wrap(buffer, body, blockLength, version);
                    tradesInCommand++;
                    book.traded(trade.makerOrderId(), trade.takerOrderId(), trade.qtyMinor() / LOT,
                        trade.makerLeavesQtyMinor() / LOT, trade.takerLeavesQtyMinor() / LOT);
                    break;
                case OrderCancelledDecoder.TEMPLATE_ID:
                    cancelled.wrap(buffer, body, blockLength, version);
                    if (cancelled.reason() == CancelReason.SELF_TRADE_PREVENTION)
                    {
                        selfTradeCancelsInCommand++;
                    }
                    book.cancelled(cancelled.orderId());
                    break;
                case OrderReplacedDecoder.TEMPLATE_ID:
                    replaced.wrap(buffer, body, blockLength, version);
                    book.replaced(replaced.orderId(), replaced.priceMinor() / TICK, replaced.qtyMinor() / LOT,
                        replaced.leavesQtyMinor() / LOT);
                    break;
                case CommandRejectedDecoder.TEMPLATE_ID:
                    reject = rejected.wrap(buffer, body, blockLength, version).reason().name();
                    break;
                default:
                    break;
            }
            offset = body + blockLength;
        }
        book.endOfCommand();
        return reject;
    }

    /** Picks and writes the next measured command. */
    private CommandKind writeNext()
    {
        final double draw = random.nextDouble();
        if (draw < TAKER_SHARE)
        {
            final CommandKind kind = writeTaker();
            if (kind != null)
            {
                return kind;
            }
        }
        else if (draw < TAKER_SHARE + AMEND_SHARE)
        {
            final CommandKind kind = writeAmend();
            if (kind != null)
            {
                return kind;
            }
        }
        else if (draw < TAKER_SHARE + AMEND_SHARE + DEEP_SHARE)
        {
            return writePlaceOrCancel(true);
        }
        return writePlaceOrCancel(false);
    }

    /** Place or cancel in one zone, leaning towards whichever brings the zone back to its target size. */
    private CommandKind writePlaceOrCancel(final boolean deep)
    {
        final boolean buy = random.nextBoolean();
        final TrackedOrderSet resting = book.set(buy, deep);
        final int target = deep ? DEEP_TARGET : NEAR_TARGET;
        final double placeProbability = Math.max(0.05, Math.min(0.95, 0.5 + 2.5 * (target - resting.size()) / target));
        if (resting.size() == 0 || random.nextDouble() < placeProbability)
        {
            writePassivePlace(buy, deep);
            return deep ? CommandKind.PLACE_DEEP : CommandKind.PLACE_NEAR;
        }
        final TrackedOrder order = resting.pick(random);
        Commands.cancel(writer, order.accountId, order.orderId);
        return deep ? CommandKind.CANCEL_DEEP : CommandKind.CANCEL_NEAR;
    }

    /** A GTC limit that does not cross: near the touch (skewed to the best levels) or in the deep book. */
    private void writePassivePlace(final boolean buy, final boolean deep)
    {
        final long bid = book.bestBid();
        final long ask = book.bestAsk();
        final long last = lastTicks();
        final double u = random.nextDouble();
        final long away = deep ? DEEP_MIN_TICKS + random.nextInt(DEEP_RANGE_TICKS) : (long)(NEAR_LEVELS * u * u);
        final long priceTicks = buy ? (ask != 0 ? ask : last + 1) - 1 - away : (bid != 0 ? bid : last - 1) + 1 + away;
        placingDeep = deep;
        Commands.placeLimit(writer, randomAccount(), buy ? Side.BUY : Side.SELL, TimeInForce.GTC, inBand(priceTicks),
            passiveQtyLots(), nextClientOrderId());
    }

    /** An order that takes liquidity at once: IOC limit, market IOC, or a GTC limit crossing the spread. */
    private CommandKind writeTaker()
    {
        final long bid = book.bestBid();
        final long ask = book.bestAsk();
        if (bid == 0 && ask == 0)
        {
            return null;
        }
        final long mid = bid != 0 && ask != 0 ? (bid + ask) / 2 : Math.max(bid, ask);
        final double buyProbability = Math.max(0.2, Math.min(0.8, 0.5 + (REFERENCE_TICKS - mid) / (2 * REVERSION_TICKS)));
        boolean buy = random.nextDouble() < buyProbability;
        if (buy ? ask == 0 : bid == 0)
        {
            buy = !buy;
        }
        final long best = buy ? ask : bid;
        final long direction = buy ? 1 : -1;
        // Up to what the best level holds: most takers fill one to a few makers, some walk a level or two.
        final long qtyLots = 1 + random.nextInt((int)Math.min(Integer.MAX_VALUE - 1, book.lotsNearTouch(!buy, 1)));
        final Side side = buy ? Side.BUY : Side.SELL;
        final double draw = random.nextDouble();
        placingDeep = false;
        if (draw < 0.4)
        {
            Commands.placeLimit(writer, randomAccount(), side, TimeInForce.IOC, inBand(best + direction * random.nextInt(3)), qtyLots,
                nextClientOrderId());
            return CommandKind.TAKE_IOC_LIMIT;
        }
        if (draw < 0.7)
        {
            Commands.placeMarket(writer, randomAccount(), side, qtyLots, nextClientOrderId());
            return CommandKind.TAKE_MARKET;
        }
        Commands.placeLimit(writer, randomAccount(), side, TimeInForce.GTC, inBand(best + direction * random.nextInt(2)), qtyLots,
            nextClientOrderId());
        return CommandKind.TAKE_CROSSING_GTC;
    }

    /** An amend of a near-touch order: price one or two ticks either way without crossing, or quantity down. */
    private CommandKind writeAmend()
    {
        boolean buy = random.nextBoolean();
        if (book.set(buy, false).size() == 0)
        {
            buy = !buy;
            if (book.set(buy, false).size() == 0)
            {
                return null;
            }
        }
        final TrackedOrder order = book.set(buy, false).pick(random);
        if (random.nextBoolean() && order.remainingLots() >= 2)
        {
            final long qtyLots = order.filledLots + 1 + (long)random.nextInt((int)Math.min(Integer.MAX_VALUE, order.remainingLots() - 1));
            Commands.replace(writer, order.accountId, order.orderId, order.priceTicks, qtyLots);
            return CommandKind.AMEND_QTY;
        }
        final long step = 1 + random.nextInt(2);
        long priceTicks = order.priceTicks + (random.nextBoolean() ? step : -step);
        if (buy && book.bestAsk() != 0 && priceTicks >= book.bestAsk())
        {
            priceTicks = order.priceTicks - step;
        }
        else if (!buy && book.bestBid() != 0 && priceTicks <= book.bestBid())
        {
            priceTicks = order.priceTicks + step;
        }
        Commands.replace(writer, order.accountId, order.orderId, inBand(priceTicks), order.qtyLots);
        return CommandKind.AMEND_PRICE;
    }

    /** Checks the mirror against the engine itself: best prices, open orders and levels per side. */
    private void crossCheck()
    {
        final long bidMinor = shadow.bestBidPriceMinor(BenchmarkConfigs.BTC_USDT);
        final long askMinor = shadow.bestAskPriceMinor(BenchmarkConfigs.BTC_USDT);
        final Set<Long> bidPrices = new HashSet<>();
        final Set<Long> askPrices = new HashSet<>();
        final int[] openOrders = new int[1];
        shadow.forEachOpenOrder((orderId, accountId, symbolId, side, orderType, priceMinor, stopPriceMinor, qtyMinor, filledQtyMinor,
            filledQuoteMinor, pendingStop, clientOrderId) ->
        {
            openOrders[0]++;
            (side == Side.BUY.value() ? bidPrices : askPrices).add(priceMinor);
        });
        if (bidMinor != book.bestBid() * TICK || askMinor != book.bestAsk() * TICK || openOrders[0] != book.openCount()
            || bidPrices.size() != book.levelCount(true) || askPrices.size() != book.levelCount(false))
        {
            throw new IllegalStateException("book mirror differs from the engine: bid " + bidMinor + " ask " + askMinor + " open "
                + openOrders[0] + " levels " + bidPrices.size() + "/" + askPrices.size() + " vs mirror " + book.bestBid() + " "
                + book.bestAsk() + " " + book.openCount() + " " + book.levelCount(true) + "/" + book.levelCount(false));
        }
    }

    private long lastTicks()
    {
        return shadow.lastPriceMinor(BenchmarkConfigs.BTC_USDT) / TICK;
    }

    /** Clamps a price into the current band (±10% of the last price), which it only leaves if the price runs away. */
    private long inBand(final long priceTicks)
    {
        final long last = lastTicks();
        final long low = (last * 9_000 + 9_999) / 10_000;
        final long high = last * 11_000 / 10_000;
        return Math.max(low, Math.min(high, priceTicks));
    }

    /** 1 to 40 lots (0.0001 to 0.004 BTC), small sizes most likely. */
    private long passiveQtyLots()
    {
        return 1 + Math.min(39, (long)(-Math.log(1 - random.nextDouble()) * 5));
    }

    private long randomAccount()
    {
        return 1 + random.nextInt(ACCOUNTS);
    }

    /** Unique for the whole stream, so it never collides with an open order's id. */
    private String nextClientOrderId()
    {
        return "c" + ++clientOrderSequence;
    }
}
