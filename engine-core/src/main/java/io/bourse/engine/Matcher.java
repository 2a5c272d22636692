package io.bourse.engine;

import io.bourse.engine.book.BookSide;
import io.bourse.engine.book.Order;
import io.bourse.engine.book.OrderCodes;
import io.bourse.engine.book.PriceLevel;
import io.bourse.engine.book.SymbolBook;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.CancelReason;

/**
 * Price-time matching and everything that follows a fill (docs/semantics.md §7–8): self-trade prevention,
 * settlement of both sides with fees, the taker's remainder, order cancellation with release of its hold, and the
 * stop-trigger loop. Engine thread only.
 */
final class Matcher
{
    private final ExchangeState state;
    private final Ledger ledger;
    private final OrderEvents orderEvents;

    Matcher(final ExchangeState state, final Ledger ledger, final OrderEvents orderEvents)
    {
        this.state = state;
        this.ledger = ledger;
        this.orderEvents = orderEvents;
    }

    /** Matches an accepted order, handles its remainder, then runs the trigger loop of its symbol. */
    void execute(final Order taker, final long limitTicks)
    {
        // Read before finish(): a taker that is done goes back to the pool and loses its fields.
        final SymbolBook book = taker.book;
        final boolean stoppedBySelfTrade = match(taker, limitTicks);
        finish(taker, stoppedBySelfTrade);
        runTriggers(book);
    }

    /** True when the opposite side could fill all of {@code lots} under FOK rules, STP walk included (§6.11). */
    static boolean canFillCompletely(
        final SymbolBook book, final short side, final long accountId, final short stpMode, final long limitTicks, final long lots)
    {
        final BookSide opposite = book.oppositeSide(side);
        long available = 0;
        for (int rank = 0, levels = opposite.levelCount(); rank < levels; rank++)
        {
            final PriceLevel level = opposite.levelFromBest(rank);
            if (!crosses(side, level.priceTicks(), limitTicks))
            {
                return false;
            }
            for (Order maker = level.head(); maker != null; maker = maker.nextInLevel())
            {
                if (maker.accountId == accountId && stpMode != OrderCodes.STP_NONE)
                {
                    if (stpMode == OrderCodes.CANCEL_MAKER)
                    {
                        continue;
                    }
                    return false;
                }
                available += maker.remainingLots();
                if (available >= lots)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a level at {@code levelTicks} is tradable for an order of {@code side} limited at {@code limitTicks}. */
    static boolean crosses(final short side, final long levelTicks, final long limitTicks)
    {
        return side == OrderCodes.BUY ? levelTicks <= limitTicks : levelTicks >= limitTicks;
    }

    /** Cancels an open order wherever it is (book or pending stops) and releases its hold. */
    void cancel(final Order order, final CancelReason reason)
    {
        removeFromBook(order);
        cancelUnbooked(order, reason);
    }

    /** Takes an order out of its book side or pending-stop side. */
    static void removeFromBook(final Order order)
    {
        final SymbolBook book = order.book;
        if (order.pendingStop)
        {
            (order.isBuy() ? book.buyStops : book.sellStops).remove(order);
        }
        else
        {
            book.ownSide(order.side).remove(order);
        }
    }

    /** Emits {@code OrderCancelled}, releases what the order still holds (ORDER_RELEASE), then forgets the order. */
    private void cancelUnbooked(final Order order, final CancelReason reason)
    {
        orderEvents.cancelled(order, reason);
        final long held = order.heldAmount();
        ledger.hold(order.account, ExchangeState.holdAssetIndex(order), -held, BalanceReason.ORDER_RELEASE, order.orderId);
        state.close(order);
    }

    /** The match loop; returns true when self-trade prevention stopped the taker. */
    private boolean match(final Order taker, final long limitTicks)
    {
        final BookSide opposite = taker.book.oppositeSide(taker.side);
        while (taker.remainingLots() > 0)
        {
            final PriceLevel level = opposite.best();
            if (level == null || !crosses(taker.side, level.priceTicks(), limitTicks))
            {
                break;
            }
            final Order maker = level.head();
            if (maker.accountId == taker.accountId && taker.stpMode != OrderCodes.STP_NONE)
            {
                if (taker.stpMode == OrderCodes.CANCEL_TAKER)
                {
                    return true;
                }
                cancel(maker, CancelReason.SELF_TRADE_PREVENTION);
                if (taker.stpMode == OrderCodes.CANCEL_BOTH)
                {
                    return true;
                }
                continue;
            }
            final long lots = Math.min(taker.remainingLots(), maker.remainingLots());
            trade(taker, maker, level.priceTicks(), lots);
            if (maker.remainingLots() == 0)
            {
                opposite.remove(maker);
                state.close(maker);
            }
        }
        return false;
    }

    private void trade(final Order taker, final Order maker, final long priceTicks, final long lots)
    {
        final SymbolBook book = taker.book;
        final SymbolSpec spec = book.spec;
        final long cost = priceTicks * lots * spec.quotePerTickLot();
        final long makerFee = SymbolBook.fee(cost, spec.makerFeeBps());
        final long takerFee = SymbolBook.fee(cost, spec.takerFeeBps());
        final long tradeId = state.nextTradeId++;
        taker.filledLots += lots;
        maker.filledLots += lots;
        taker.filledQuoteMinor += cost;
        maker.filledQuoteMinor += cost;
        book.lastPriceTicks = priceTicks;
        orderEvents.trade(tradeId, taker, maker, priceTicks, lots, cost, makerFee, takerFee);

        final boolean takerBuys = taker.isBuy();
        final Order buy = takerBuys ? taker : maker;
        final Order sell = takerBuys ? maker : taker;
        final long buyerFee = takerBuys ? takerFee : makerFee;
        final long sellerFee = takerBuys ? makerFee : takerFee;
        final long releasedQuote = lots * buy.holdPerLot;
        final long baseAmount = lots * spec.lotMinor();
        final int quote = book.quoteAssetIndex;
        final int base = book.baseAssetIndex;
        ledger.move(buy.account, quote, releasedQuote - cost - buyerFee, -releasedQuote, BalanceReason.TRADE, tradeId);
        ledger.move(buy.account, base, baseAmount, 0, BalanceReason.TRADE, tradeId);
        ledger.move(sell.account, base, 0, -baseAmount, BalanceReason.TRADE, tradeId);
        ledger.move(sell.account, quote, cost - sellerFee, 0, BalanceReason.TRADE, tradeId);
        ledger.move(state.feeAccount, quote, buyerFee + sellerFee, 0, BalanceReason.FEE, tradeId);
    }

    /** The taker's remainder: filled, cancelled for a reason, or rested at the tail of its level. */
    private void finish(final Order taker, final boolean stoppedBySelfTrade)
    {
        if (taker.remainingLots() == 0)
        {
            state.close(taker);
        }
        else if (stoppedBySelfTrade)
        {
            cancelUnbooked(taker, CancelReason.SELF_TRADE_PREVENTION);
        }
        else if (taker.orderType == OrderCodes.MARKET || taker.orderType == OrderCodes.STOP)
        {
            cancelUnbooked(taker, CancelReason.NO_LIQUIDITY);
        }
        else if (taker.timeInForce == OrderCodes.IOC || taker.timeInForce == OrderCodes.FOK)
        {
            cancelUnbooked(taker, CancelReason.IOC_REMAINDER);
        }
        else
        {
            taker.book.ownSide(taker.side).add(taker, taker.priceTicks);
        }
    }

    /** Triggers pending stops while the last price reaches any (§8), each matched completely before the next. */
    private void runTriggers(final SymbolBook book)
    {
        while (true)
        {
            final Order stop;
            final PriceLevel buyLevel = book.buyStops.best();
            if (buyLevel != null && buyLevel.priceTicks() <= book.lastPriceTicks)
            {
                stop = buyLevel.head();
                book.buyStops.remove(stop);
            }
            else
            {
                final PriceLevel sellLevel = book.sellStops.best();
                if (sellLevel == null || sellLevel.priceTicks() < book.lastPriceTicks)
                {
                    return;
                }
                stop = sellLevel.head();
                book.sellStops.remove(stop);
            }
            stop.pendingStop = false;
            stop.triggered = true;
            orderEvents.stopTriggered(stop);
            final long limitTicks;
            if (stop.orderType == OrderCodes.STOP)
            {
                limitTicks = stop.isBuy()
                    ? Math.min(stop.holdPriceTicks, book.bandHighTicks())
                    : Math.max(stop.holdPriceTicks, book.bandLowTicks());
            }
            else
            {
                limitTicks = stop.priceTicks;
            }
            finish(stop, match(stop, limitTicks));
        }
    }
}
