package io.bourse.engine.reference;

import java.util.ArrayDeque;
import java.util.TreeMap;

import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * Matching, settlement, remainder handling and the stop trigger loop of docs/semantics.md §7–8, plus cancelling
 * an open order, written as literally as the spec reads.
 */
final class ReferenceMatcher
{
    private static final long BPS = 10_000;

    private final ReferenceState state;
    private final ReferenceEvents events;

    ReferenceMatcher(final ReferenceState state, final ReferenceEvents events)
    {
        this.state = state;
        this.events = events;
    }

    /** A buy crosses a level priced at or below its limit, a sell one at or above it. */
    static boolean crosses(final boolean buy, final long levelPriceTicks, final long limitTicks)
    {
        return buy ? levelPriceTicks <= limitTicks : levelPriceTicks >= limitTicks;
    }

    /** Takes an open order out of its level or the pending stops and out of the open orders. */
    void close(final ReferenceOrder order)
    {
        final ReferenceBook book = state.books.get(order.symbolId);
        if (order.pendingStop)
        {
            if (!book.pendingStops.remove(order))
            {
                throw new IllegalStateException("pending stop not found: " + order);
            }
            order.pendingStop = false;
        }
        else if (order.resting)
        {
            book.removeResting(order);
            order.resting = false;
        }
        if (state.openOrders.remove(order.orderId) != order)
        {
            throw new IllegalStateException("open order not found: " + order);
        }
    }

    /** Cancels an open order: {@code OrderCancelled(reason)} then the release of its hold. */
    void cancel(final ReferenceOrder order, final CancelReason reason)
    {
        close(order);
        events.cancelled(order, reason);
    }

    /**
     * The match loop of §7 for taker {@code taker} (not in the book) up to {@code limitTicks}.
     *
     * @return true when self-trade prevention stopped the taker (stopBySTP).
     */
    boolean match(final ReferenceBook book, final ReferenceOrder taker, final long limitTicks)
    {
        final boolean buy = taker.isBuy();
        final TreeMap<Long, ArrayDeque<ReferenceOrder>> opposite = book.oppositeSide(buy);
        while (taker.remainingLots() > 0 && !opposite.isEmpty() && crosses(buy, opposite.firstKey(), limitTicks))
        {
            final long levelPriceTicks = opposite.firstKey();
            final ReferenceOrder maker = opposite.firstEntry().getValue().peekFirst();
            if (maker.accountId == taker.accountId && taker.stpMode != StpMode.NONE.value())
            {
                if (taker.stpMode == StpMode.CANCEL_TAKER.value())
                {
                    return true;
                }
                cancel(maker, CancelReason.SELF_TRADE_PREVENTION);
                if (taker.stpMode == StpMode.CANCEL_BOTH.value())
                {
                    return true;
                }
                continue;
            }
            trade(book, taker, maker, levelPriceTicks, Math.min(taker.remainingLots(), maker.remainingLots()));
        }
        return false;
    }

    private void trade(
        final ReferenceBook book,
        final ReferenceOrder taker,
        final ReferenceOrder maker,
        final long priceTicks,
        final long fillLots)
    {
        final long tradeId = state.nextTradeId++;
        final long lotMinor = book.spec.lotMinor();
        final long cost = book.notional(priceTicks, fillLots);
        final long makerFee = ReferenceBook.ceilDiv(Math.multiplyExact(cost, book.spec.makerFeeBps()), BPS);
        final long takerFee = ReferenceBook.ceilDiv(Math.multiplyExact(cost, book.spec.takerFeeBps()), BPS);

        maker.filledLots += fillLots;
        taker.filledLots += fillLots;
        maker.filledQuoteMinor = Math.addExact(maker.filledQuoteMinor, cost);
        taker.filledQuoteMinor = Math.addExact(taker.filledQuoteMinor, cost);
        if (maker.remainingLots() == 0)
        {
            close(maker);
        }
        book.lastTicks = priceTicks;

        events.log().tradeExecuted()
            .tradeId(tradeId)
            .symbolId(book.spec.id())
            .priceMinor(Math.multiplyExact(priceTicks, book.spec.tickMinor()))
            .qtyMinor(Math.multiplyExact(fillLots, lotMinor))
            .quoteQtyMinor(cost)
            .aggressorSide(Side.get(taker.side))
            .makerOrderId(maker.orderId)
            .makerAccountId(maker.accountId)
            .makerFeeMinor(makerFee)
            .makerLeavesQtyMinor(Math.multiplyExact(maker.remainingLots(), lotMinor))
            .takerOrderId(taker.orderId)
            .takerAccountId(taker.accountId)
            .takerFeeMinor(takerFee)
            .takerLeavesQtyMinor(Math.multiplyExact(taker.remainingLots(), lotMinor));

        final ReferenceOrder buy = taker.isBuy() ? taker : maker;
        final ReferenceOrder sell = taker.isBuy() ? maker : taker;
        final long buyerFee = buy == taker ? takerFee : makerFee;
        final long sellerFee = sell == taker ? takerFee : makerFee;
        final int base = book.spec.baseAssetId();
        final int quote = book.spec.quoteAssetId();
        final long buyHeld = Math.multiplyExact(fillLots, buy.holdPerLot);
        final long baseQty = Math.multiplyExact(fillLots, lotMinor);

        events.balance(buy.accountId, quote, buyHeld - cost - buyerFee, -buyHeld, BalanceReason.TRADE, tradeId);
        events.balance(buy.accountId, base, baseQty, 0, BalanceReason.TRADE, tradeId);
        events.balance(sell.accountId, base, 0, -baseQty, BalanceReason.TRADE, tradeId);
        events.balance(sell.accountId, quote, cost - sellerFee, 0, BalanceReason.TRADE, tradeId);
        events.balance(ReferenceState.FEE_ACCOUNT_ID, quote, buyerFee + sellerFee, 0, BalanceReason.FEE, tradeId);
    }

    /** The remainder rule of §7, first match wins; a fully filled taker simply stops being open. */
    void finish(final ReferenceBook book, final ReferenceOrder taker, final boolean stoppedBySelfTrade)
    {
        if (taker.remainingLots() == 0)
        {
            close(taker);
        }
        else if (stoppedBySelfTrade)
        {
            cancel(taker, CancelReason.SELF_TRADE_PREVENTION);
        }
        else if (taker.orderType == OrderType.MARKET.value() || (taker.orderType == OrderType.STOP.value() && taker.triggered))
        {
            cancel(taker, CancelReason.NO_LIQUIDITY);
        }
        else if (taker.timeInForce == TimeInForce.IOC.value() || taker.timeInForce == TimeInForce.FOK.value())
        {
            cancel(taker, CancelReason.IOC_REMAINDER);
        }
        else
        {
            book.rest(taker);
            taker.resting = true;
        }
    }

    /** The trigger loop of §8 for one symbol: trigger, match and finish stops until none is reached. */
    void runTriggerLoop(final ReferenceBook book)
    {
        ReferenceOrder stop = nextTriggered(book);
        while (stop != null)
        {
            book.pendingStops.remove(stop);
            stop.pendingStop = false;
            stop.triggered = true;
            events.log().stopTriggered()
                .orderId(stop.orderId)
                .accountId(stop.accountId)
                .symbolId(stop.symbolId)
                .putClientOrderId(stop.clientOrderId.bytes(), 0)
                .side(Side.get(stop.side))
                .lastPriceMinor(Math.multiplyExact(book.lastTicks, book.spec.tickMinor()));
            final long limitTicks;
            if (stop.orderType == OrderType.STOP.value())
            {
                limitTicks = stop.isBuy() ?
                    Math.min(stop.holdPriceTicks, book.bandHigh()) : Math.max(stop.holdPriceTicks, book.bandLow());
            }
            else
            {
                limitTicks = stop.priceTicks;
            }
            final boolean stoppedBySelfTrade = match(book, stop, limitTicks);
            finish(book, stop, stoppedBySelfTrade);
            stop = nextTriggered(book);
        }
    }

    /** Buy stops first (lowest stop, then lowest id), then sell stops (highest stop, then lowest id). */
    private static ReferenceOrder nextTriggered(final ReferenceBook book)
    {
        ReferenceOrder best = null;
        for (final ReferenceOrder stop : book.pendingStops)
        {
            if (stop.isBuy() && stop.stopPriceTicks <= book.lastTicks && (best == null
                || stop.stopPriceTicks < best.stopPriceTicks
                || (stop.stopPriceTicks == best.stopPriceTicks && stop.orderId < best.orderId)))
            {
                best = stop;
            }
        }
        if (best != null)
        {
            return best;
        }
        for (final ReferenceOrder stop : book.pendingStops)
        {
            if (!stop.isBuy() && stop.stopPriceTicks >= book.lastTicks && (best == null
                || stop.stopPriceTicks > best.stopPriceTicks
                || (stop.stopPriceTicks == best.stopPriceTicks && stop.orderId < best.orderId)))
            {
                best = stop;
            }
        }
        return best;
    }
}
