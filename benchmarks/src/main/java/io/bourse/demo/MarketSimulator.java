package io.bourse.demo;

import java.util.SplittableRandom;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;

import io.bourse.engine.command.CommandWriter;
import io.bourse.engine.config.ExchangeConfig;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.MessageHeaderDecoder;
import io.bourse.sbe.OrderAcceptedDecoder;
import io.bourse.sbe.OrderCancelledDecoder;
import io.bourse.sbe.OrderReplacedDecoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;
import io.bourse.sbe.TradeExecutedDecoder;

/**
 * Writes the next command of a simulated market: market makers quoting both sides of every symbol around a
 * drifting mid price, amending and cancelling their quotes, takers sending IOC and market orders, and a few stop
 * orders. Learns which orders are open from the engine's events ({@link #onEvents}). Seeded; single-threaded.
 */
final class MarketSimulator
{
    static final int MARKET_MAKERS = 20;
    static final int TAKERS = 80;
    static final long FIRST_ACCOUNT_ID = 1_000;

    private final SplittableRandom random;
    private final SymbolSpec[] symbols;
    private final long[] midTicks;
    private static final long NO_OWNER = 0;

    /** Resting GTC limit orders per symbol, and the account of each. */
    private final LongArrayList[] openOrdersBySymbol;
    private final Long2LongHashMap owners = new Long2LongHashMap(NO_OWNER);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final TradeExecutedDecoder trade = new TradeExecutedDecoder();
    private final OrderReplacedDecoder replaced = new OrderReplacedDecoder();
    private long clientOrderSeq;

    MarketSimulator(final long seed, final ExchangeConfig config)
    {
        random = new SplittableRandom(seed);
        symbols = config.symbols().toArray(new SymbolSpec[0]);
        midTicks = new long[symbols.length];
        openOrdersBySymbol = new LongArrayList[symbols.length];
        for (int i = 0; i < symbols.length; i++)
        {
            midTicks[i] = symbols[i].referencePriceTicks();
            openOrdersBySymbol[i] = new LongArrayList();
        }
    }

    static long accountId(final int index)
    {
        return FIRST_ACCOUNT_ID + index;
    }

    /** Writes the next trading command into {@code writer}. */
    void next(final CommandWriter writer)
    {
        final int s = random.nextInt(symbols.length);
        final SymbolSpec symbol = symbols[s];
        final LongArrayList open = openOrdersBySymbol[s];
        // The mid price drifts a tick at a time so trades move the band and stops trigger now and then.
        if (random.nextInt(64) == 0)
        {
            midTicks[s] = Math.max(symbol.referencePriceTicks() * 95 / 100,
                Math.min(symbol.referencePriceTicks() * 105 / 100, midTicks[s] + random.nextInt(3) - 1));
        }
        final int roll = random.nextInt(100);
        // Quote until the book is a realistic depth, then keep it there: cancels and fills balance new quotes.
        if (open.size() < 200 || (roll < 45 && open.size() < 1_500))
        {
            quote(writer, s, symbol);
        }
        else if (roll < 75)
        {
            final long orderId = open.getLong(random.nextInt(open.size()));
            writer.cancelOrder().accountId(ownerOf(orderId)).orderId(orderId).clientOrderId("");
        }
        else if (roll < 85)
        {
            amend(writer, s, symbol, open.getLong(random.nextInt(open.size())));
        }
        else if (roll < 97)
        {
            take(writer, s, symbol);
        }
        else
        {
            stop(writer, s, symbol);
        }
    }

    /** Tracks open orders from one command's events. */
    void onEvents(final DirectBuffer events, final int length)
    {
        int offset = 0;
        while (offset < length)
        {
            header.wrap(events, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            switch (header.templateId())
            {
                case OrderAcceptedDecoder.TEMPLATE_ID:
                    accepted.wrap(events, body, header.blockLength(), header.version());
                    if (accepted.timeInForce() == TimeInForce.GTC && accepted.orderType() == OrderType.LIMIT)
                    {
                        listFor(accepted.symbolId()).addLong(accepted.orderId());
                        owners.put(accepted.orderId(), accepted.accountId());
                    }
                    break;
                case OrderCancelledDecoder.TEMPLATE_ID:
                    cancelled.wrap(events, body, header.blockLength(), header.version());
                    forget(cancelled.symbolId(), cancelled.orderId());
                    break;
                case TradeExecutedDecoder.TEMPLATE_ID:
                    trade.wrap(events, body, header.blockLength(), header.version());
                    if (trade.makerLeavesQtyMinor() == 0)
                    {
                        forget(trade.symbolId(), trade.makerOrderId());
                    }
                    if (trade.takerLeavesQtyMinor() == 0)
                    {
                        forget(trade.symbolId(), trade.takerOrderId());
                    }
                    break;
                case OrderReplacedDecoder.TEMPLATE_ID:
                    replaced.wrap(events, body, header.blockLength(), header.version());
                    if (replaced.leavesQtyMinor() == 0)
                    {
                        forget(replaced.symbolId(), replaced.orderId());
                    }
                    break;
                default:
                    break;
            }
            offset = body + header.blockLength();
        }
    }

    private void quote(final CommandWriter writer, final int s, final SymbolSpec symbol)
    {
        final boolean buy = random.nextBoolean();
        final long offsetTicks = 1 + random.nextInt(Math.max(2, (int)(midTicks[s] / 400)));
        final long priceTicks = buy ? midTicks[s] - offsetTicks : midTicks[s] + offsetTicks;
        place(writer, s, symbol, accountId(random.nextInt(MARKET_MAKERS)), buy, OrderType.LIMIT, TimeInForce.GTC,
            priceTicks, 0, lots(symbol, 20));
    }

    private void take(final CommandWriter writer, final int s, final SymbolSpec symbol)
    {
        final boolean buy = random.nextBoolean();
        final long account = accountId(MARKET_MAKERS + random.nextInt(TAKERS));
        if (random.nextBoolean())
        {
            place(writer, s, symbol, account, buy, OrderType.MARKET, TimeInForce.IOC, 0, 0, lots(symbol, 10));
        }
        else
        {
            final long priceTicks = buy ? midTicks[s] + random.nextInt(5) : midTicks[s] - random.nextInt(5);
            place(writer, s, symbol, account, buy, OrderType.LIMIT, TimeInForce.IOC, priceTicks, 0, lots(symbol, 10));
        }
    }

    private void stop(final CommandWriter writer, final int s, final SymbolSpec symbol)
    {
        final boolean buy = random.nextBoolean();
        final long distance = 2 + random.nextInt(Math.max(3, (int)(midTicks[s] / 1_000)));
        final long stopTicks = buy ? midTicks[s] + distance : midTicks[s] - distance;
        place(writer, s, symbol, accountId(MARKET_MAKERS + random.nextInt(TAKERS)), buy, OrderType.STOP, TimeInForce.GTC,
            0, stopTicks, lots(symbol, 5));
    }

    private void amend(final CommandWriter writer, final int s, final SymbolSpec symbol, final long orderId)
    {
        final long priceTicks = midTicks[s] + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(20));
        writer.replaceOrder().accountId(ownerOf(orderId)).orderId(orderId).origClientOrderId("").clientOrderId("")
            .priceMinor(priceTicks * symbol.tickMinor()).qtyMinor(lots(symbol, 20) * symbol.lotMinor());
    }

    private void place(
        final CommandWriter writer,
        final int s,
        final SymbolSpec symbol,
        final long accountId,
        final boolean buy,
        final OrderType type,
        final TimeInForce tif,
        final long priceTicks,
        final long stopTicks,
        final long lots)
    {
        writer.placeOrder().accountId(accountId).symbolId(symbol.id()).clientOrderId(Long.toString(++clientOrderSeq, 36))
            .side(buy ? Side.BUY : Side.SELL).orderType(type).timeInForce(tif).stpMode(StpMode.CANCEL_TAKER)
            .postOnly(BooleanType.FALSE).priceMinor(priceTicks * symbol.tickMinor())
            .stopPriceMinor(stopTicks * symbol.tickMinor()).qtyMinor(lots * symbol.lotMinor()).expireTimeNs(0);
    }

    private long lots(final SymbolSpec symbol, final int maxMultiple)
    {
        return symbol.minQtyLots() * (1 + random.nextInt(maxMultiple));
    }

    private void forget(final int symbolId, final long orderId)
    {
        if (owners.remove(orderId) != NO_OWNER)
        {
            listFor(symbolId).removeLong(orderId);
        }
    }

    private long ownerOf(final long orderId)
    {
        return owners.get(orderId);
    }

    private LongArrayList listFor(final int symbolId)
    {
        for (int i = 0; i < symbols.length; i++)
        {
            if (symbols[i].id() == symbolId)
            {
                return openOrdersBySymbol[i];
            }
        }
        throw new IllegalStateException("unknown symbol " + symbolId);
    }
}
