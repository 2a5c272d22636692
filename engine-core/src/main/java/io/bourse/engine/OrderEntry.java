package io.bourse.engine;

import org.agrona.DirectBuffer;

import io.bourse.engine.account.Account;
import io.bourse.engine.book.BookSide;
import io.bourse.engine.book.Order;
import io.bourse.engine.book.OrderCodes;
import io.bourse.engine.book.PriceLevel;
import io.bourse.engine.book.SymbolBook;
import io.bourse.engine.command.AsciiField;
import io.bourse.engine.config.SymbolSpec;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.CancelOrderDecoder;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.MassCancelDecoder;
import io.bourse.sbe.PlaceOrderDecoder;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.ReplaceOrderDecoder;

/**
 * The trading commands — place, cancel, replace, mass cancel — validated in exactly the order of
 * docs/semantics.md §6, §9 and §10; each failure is one {@code CommandRejected} and changes nothing.
 * Engine thread only.
 */
final class OrderEntry
{
    private final ExchangeState state;
    private final Ledger ledger;
    private final OrderEvents orderEvents;
    private final Matcher matcher;

    // Values derived while checking a command, handed to the apply step so each is computed once.
    private long checkedLots;
    private long checkedTicks;
    private long checkedPriceTicks;
    private long checkedStopTicks;
    private long checkedHoldPriceTicks;
    private long checkedHoldPerLot;
    private long checkedId0;
    private long checkedId1;
    private long checkedId2;
    private long checkedId3;

    OrderEntry(final ExchangeState state, final Ledger ledger, final OrderEvents orderEvents, final Matcher matcher)
    {
        this.state = state;
        this.ledger = ledger;
        this.orderEvents = orderEvents;
        this.matcher = matcher;
    }

    void place(final PlaceOrderDecoder command, final long nowNs)
    {
        final DirectBuffer buffer = command.buffer();
        final int idOffset = command.offset() + PlaceOrderDecoder.clientOrderIdEncodingOffset();
        final long accountId = command.accountId();
        final int symbolId = command.symbolId();
        final Account account = state.accounts.get(accountId);
        final SymbolBook book = state.symbol(symbolId);
        final RejectReason reason = checkPlace(command, nowNs, account, book, buffer, idOffset);
        if (reason != null)
        {
            orderEvents.rejected(CommandType.PLACE_ORDER, accountId, symbolId, 0, buffer, idOffset, reason);
            return;
        }
        final short side = command.sideRaw();
        final short type = command.orderTypeRaw();

        final Order order = state.orderPool.acquire();
        order.orderId = state.nextOrderId++;
        order.accountId = accountId;
        order.account = account;
        order.book = book;
        order.side = side;
        order.orderType = type;
        order.timeInForce = command.timeInForceRaw();
        order.stpMode = command.stpModeRaw();
        order.postOnly = command.postOnlyRaw() == 1;
        order.priceTicks = checkedPriceTicks;
        order.stopPriceTicks = checkedStopTicks;
        order.qtyLots = checkedLots;
        order.expireTimeNs = command.expireTimeNs();
        order.holdPriceTicks = checkedHoldPriceTicks;
        order.holdPerLot = checkedHoldPerLot;
        order.clientOrderId0 = checkedId0;
        order.clientOrderId1 = checkedId1;
        order.clientOrderId2 = checkedId2;
        order.clientOrderId3 = checkedId3;
        state.open(order);
        orderEvents.accepted(order);
        ledger.hold(account, ExchangeState.holdAssetIndex(order), order.heldAmount(), BalanceReason.ORDER_HOLD, order.orderId);

        if (type == OrderCodes.STOP || type == OrderCodes.STOP_LIMIT)
        {
            order.pendingStop = true;
            (side == OrderCodes.BUY ? book.buyStops : book.sellStops).add(order, order.stopPriceTicks);
        }
        else
        {
            matcher.execute(order, type == OrderCodes.LIMIT ? order.priceTicks : order.holdPriceTicks);
        }
    }

    void cancel(final CancelOrderDecoder command)
    {
        final DirectBuffer buffer = command.buffer();
        final int idOffset = command.offset() + CancelOrderDecoder.clientOrderIdEncodingOffset();
        final Account account = state.accounts.get(command.accountId());
        final RejectReason reason;
        if (account == null)
        {
            reason = RejectReason.UNKNOWN_ACCOUNT;
        }
        else
        {
            final Order order = find(account, command.orderId(), buffer, idOffset);
            if (order != null)
            {
                matcher.cancel(order, CancelReason.USER);
                return;
            }
            reason = RejectReason.UNKNOWN_ORDER;
        }
        orderEvents.rejected(CommandType.CANCEL_ORDER, command.accountId(), 0, command.orderId(), buffer, idOffset, reason);
    }

    void massCancel(final MassCancelDecoder command)
    {
        final long accountId = command.accountId();
        final int symbolId = command.symbolId();
        final Account account = state.accounts.get(accountId);
        if (account == null || (symbolId != 0 && state.symbol(symbolId) == null))
        {
            orderEvents.rejected(CommandType.MASS_CANCEL, accountId, symbolId, 0, null, -1,
                account == null ? RejectReason.UNKNOWN_ACCOUNT : RejectReason.UNKNOWN_SYMBOL);
            return;
        }
        int cancelled = 0;
        Order order = account.firstOpenOrder();
        while (order != null)
        {
            final Order next = order.accountNext;
            if (symbolId == 0 || order.book.spec.id() == symbolId)
            {
                matcher.cancel(order, CancelReason.MASS_CANCEL);
                cancelled++;
            }
            order = next;
        }
        orderEvents.massCancelCompleted(accountId, symbolId, cancelled);
    }

    void replace(final ReplaceOrderDecoder command)
    {
        final DirectBuffer buffer = command.buffer();
        final int newIdOffset = command.offset() + ReplaceOrderDecoder.clientOrderIdEncodingOffset();
        final int origIdOffset = command.offset() + ReplaceOrderDecoder.origClientOrderIdEncodingOffset();
        final Account account = state.accounts.get(command.accountId());
        final Order order = account == null ? null : find(account, command.orderId(), buffer, origIdOffset);
        final RejectReason reason = checkReplace(command, account, order, buffer, newIdOffset);
        if (reason != null)
        {
            orderEvents.rejected(CommandType.REPLACE_ORDER, command.accountId(), 0, command.orderId(), buffer, newIdOffset, reason);
            return;
        }
        final SymbolBook book = order.book;
        final SymbolSpec spec = book.spec;
        final long newPriceTicks = checkedTicks;
        final long newQtyLots = checkedLots;
        final long w0 = checkedId0;
        final long w1 = checkedId1;
        final long w2 = checkedId2;
        final long w3 = checkedId3;
        final int holdAsset = ExchangeState.holdAssetIndex(order);

        if (newQtyLots <= order.filledLots)
        {
            orderEvents.replaced(order, w0, w1, w2, w3, newPriceTicks, newQtyLots, false);
            ledger.hold(account, holdAsset, -order.heldAmount(), BalanceReason.AMEND, order.orderId);
            book.ownSide(order.side).remove(order);
            state.close(order);
            return;
        }

        final long newHoldPerLot = order.isBuy() ? book.buyHoldPerLot(newPriceTicks) : spec.lotMinor();
        final long delta = (newQtyLots - order.filledLots) * newHoldPerLot - order.heldAmount();
        final RejectReason fundsReason = checkAmendedOrder(command, order, newPriceTicks, newQtyLots, delta, holdAsset);
        if (fundsReason != null)
        {
            orderEvents.rejected(CommandType.REPLACE_ORDER, command.accountId(), 0, command.orderId(), buffer, newIdOffset, fundsReason);
            return;
        }

        final boolean priorityKept = newPriceTicks == order.priceTicks && newQtyLots <= order.qtyLots;
        orderEvents.replaced(order, w0, w1, w2, w3, newPriceTicks, newQtyLots, priorityKept);
        ledger.hold(account, holdAsset, delta, BalanceReason.AMEND, order.orderId);
        if ((w0 | w1 | w2 | w3) != 0 && !order.clientOrderIdEquals(w0, w1, w2, w3))
        {
            if (order.hasClientOrderId())
            {
                state.clientOrderIds.remove(order);
            }
            order.clientOrderId0 = w0;
            order.clientOrderId1 = w1;
            order.clientOrderId2 = w2;
            order.clientOrderId3 = w3;
            state.clientOrderIds.add(order);
        }
        order.qtyLots = newQtyLots;
        order.holdPerLot = newHoldPerLot;
        order.holdPriceTicks = newPriceTicks;
        if (!priorityKept)
        {
            book.ownSide(order.side).remove(order);
            order.priceTicks = newPriceTicks;
            matcher.execute(order, newPriceTicks);
        }
    }

    /**
     * The checks of §6 in order; on success the derived values are left in the {@code checked*} fields for
     * {@link #place} (computed once: each costs a division or a hash probe).
     */
    private RejectReason checkPlace(
        final PlaceOrderDecoder command,
        final long nowNs,
        final Account account,
        final SymbolBook book,
        final DirectBuffer buffer,
        final int idOffset)
    {
        if (account == null)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (book == null)
        {
            return RejectReason.UNKNOWN_SYMBOL;
        }
        if (account.frozen)
        {
            return RejectReason.ACCOUNT_FROZEN;
        }
        if (book.halted)
        {
            return RejectReason.SYMBOL_HALTED;
        }
        final short side = command.sideRaw();
        final short type = command.orderTypeRaw();
        final short tif = command.timeInForceRaw();
        final short stp = command.stpModeRaw();
        final short postOnly = command.postOnlyRaw();
        if (side != OrderCodes.BUY && side != OrderCodes.SELL)
        {
            return RejectReason.INVALID_SIDE;
        }
        if (type < OrderCodes.LIMIT || type > OrderCodes.STOP_LIMIT)
        {
            return RejectReason.INVALID_ORDER_TYPE;
        }
        if (!timeInForceAllowed(type, tif))
        {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        if (stp > OrderCodes.STP_NONE)
        {
            return RejectReason.INVALID_STP_MODE;
        }
        if (postOnly > 1)
        {
            return RejectReason.INVALID_FLAG;
        }
        if (postOnly == 1 && !(type == OrderCodes.LIMIT && (tif == OrderCodes.GTC || tif == OrderCodes.GTD)))
        {
            return RejectReason.POST_ONLY_NOT_ALLOWED;
        }
        if (stp == OrderCodes.STP_NONE && !account.allowSelfTrade)
        {
            return RejectReason.SELF_TRADE_NOT_ALLOWED;
        }
        final long expireTimeNs = command.expireTimeNs();
        if (tif == OrderCodes.GTD ? expireTimeNs <= nowNs : expireTimeNs != 0)
        {
            return RejectReason.INVALID_EXPIRE_TIME;
        }
        final SymbolSpec spec = book.spec;
        final long qtyMinor = command.qtyMinor();
        final RejectReason qtyReason = checkQuantity(spec, qtyMinor, true);
        if (qtyReason != null)
        {
            return qtyReason;
        }
        final long lots = checkedLots;
        final boolean hasLimit = type == OrderCodes.LIMIT || type == OrderCodes.STOP_LIMIT;
        final long priceMinor = command.priceMinor();
        long priceTicks = 0;
        if (hasLimit)
        {
            final RejectReason priceReason = checkPrice(book, priceMinor, RejectReason.INVALID_PRICE);
            if (priceReason != null)
            {
                return priceReason;
            }
            priceTicks = checkedTicks;
        }
        else if (priceMinor != 0)
        {
            return RejectReason.INVALID_PRICE;
        }
        final boolean isStop = type == OrderCodes.STOP || type == OrderCodes.STOP_LIMIT;
        final long stopMinor = command.stopPriceMinor();
        long stopTicks = 0;
        if (isStop)
        {
            final RejectReason stopReason = checkPrice(book, stopMinor, RejectReason.INVALID_STOP_PRICE);
            if (stopReason != null)
            {
                return stopReason;
            }
            stopTicks = checkedTicks;
            if (side == OrderCodes.BUY ? stopTicks <= book.lastPriceTicks : stopTicks >= book.lastPriceTicks)
            {
                return RejectReason.STOP_PRICE_ALREADY_REACHED;
            }
        }
        else if (stopMinor != 0)
        {
            return RejectReason.INVALID_STOP_PRICE;
        }
        final long w0 = AsciiField.word(buffer, idOffset, 0);
        final long w1 = AsciiField.word(buffer, idOffset, 1);
        final long w2 = AsciiField.word(buffer, idOffset, 2);
        final long w3 = AsciiField.word(buffer, idOffset, 3);
        if ((w0 | w1 | w2 | w3) != 0 && state.clientOrderIds.find(account.id, w0, w1, w2, w3) != null)
        {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        final long holdPriceTicks = holdPriceTicks(book, side, type, priceTicks, stopTicks);
        if (holdPriceTicks * lots * spec.quotePerTickLot() > spec.maxNotionalMinor())
        {
            return RejectReason.ABOVE_MAX_NOTIONAL;
        }
        final long holdPerLot = side == OrderCodes.BUY ? book.buyHoldPerLot(holdPriceTicks) : spec.lotMinor();
        final long hold = lots * holdPerLot;
        final int holdAsset = side == OrderCodes.BUY ? book.quoteAssetIndex : book.baseAssetIndex;
        if (account.available[holdAsset] < hold)
        {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (postOnly == 1 && wouldTake(book, side, priceTicks))
        {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (tif == OrderCodes.FOK && !Matcher.canFillCompletely(
            book, side, account.id, stp, type == OrderCodes.LIMIT ? priceTicks : holdPriceTicks, lots))
        {
            return RejectReason.FOK_NOT_FILLABLE;
        }
        checkedPriceTicks = priceTicks;
        checkedStopTicks = stopTicks;
        checkedHoldPriceTicks = holdPriceTicks;
        checkedHoldPerLot = holdPerLot;
        checkedId0 = w0;
        checkedId1 = w1;
        checkedId2 = w2;
        checkedId3 = w3;
        return null;
    }

    private RejectReason checkReplace(
        final ReplaceOrderDecoder command, final Account account, final Order order, final DirectBuffer buffer, final int newIdOffset)
    {
        if (account == null)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        if (order == null)
        {
            return RejectReason.UNKNOWN_ORDER;
        }
        if (order.pendingStop)
        {
            return RejectReason.ORDER_NOT_AMENDABLE;
        }
        if (account.frozen)
        {
            return RejectReason.ACCOUNT_FROZEN;
        }
        final SymbolBook book = order.book;
        if (book.halted)
        {
            return RejectReason.SYMBOL_HALTED;
        }
        final RejectReason qtyReason = checkQuantity(book.spec, command.qtyMinor(), false);
        if (qtyReason != null)
        {
            return qtyReason;
        }
        final RejectReason priceReason = checkPrice(book, command.priceMinor(), RejectReason.INVALID_PRICE);
        if (priceReason != null)
        {
            return priceReason;
        }
        final long w0 = AsciiField.word(buffer, newIdOffset, 0);
        final long w1 = AsciiField.word(buffer, newIdOffset, 1);
        final long w2 = AsciiField.word(buffer, newIdOffset, 2);
        final long w3 = AsciiField.word(buffer, newIdOffset, 3);
        if ((w0 | w1 | w2 | w3) != 0 && !order.clientOrderIdEquals(w0, w1, w2, w3)
            && state.clientOrderIds.find(account.id, w0, w1, w2, w3) != null)
        {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        checkedId0 = w0;
        checkedId1 = w1;
        checkedId2 = w2;
        checkedId3 = w3;
        return null;
    }

    /** The checks of §10 that apply only when the amend leaves quantity open. */
    private RejectReason checkAmendedOrder(
        final ReplaceOrderDecoder command,
        final Order order,
        final long newPriceTicks,
        final long newQtyLots,
        final long holdDelta,
        final int holdAsset)
    {
        final SymbolSpec spec = order.book.spec;
        if (newQtyLots < spec.minQtyLots())
        {
            return RejectReason.BELOW_MIN_QUANTITY;
        }
        if (newPriceTicks * newQtyLots * spec.quotePerTickLot() > spec.maxNotionalMinor())
        {
            return RejectReason.ABOVE_MAX_NOTIONAL;
        }
        if (holdDelta > order.account.available[holdAsset])
        {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (order.postOnly && wouldTake(order.book, order.side, newPriceTicks))
        {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        return null;
    }

    /**
     * INVALID_QUANTITY, BAD_LOT, BELOW_MIN_QUANTITY (when asked), ABOVE_MAX_QUANTITY; null when fine, with the
     * quantity in lots left in {@link #checkedLots}.
     */
    private RejectReason checkQuantity(final SymbolSpec spec, final long qtyMinor, final boolean checkMin)
    {
        if (qtyMinor <= 0)
        {
            return RejectReason.INVALID_QUANTITY;
        }
        final long lots = qtyMinor / spec.lotMinor();
        if (lots * spec.lotMinor() != qtyMinor)
        {
            return RejectReason.BAD_LOT;
        }
        checkedLots = lots;
        if (checkMin && lots < spec.minQtyLots())
        {
            return RejectReason.BELOW_MIN_QUANTITY;
        }
        if (lots > spec.maxQtyLots())
        {
            return RejectReason.ABOVE_MAX_QUANTITY;
        }
        return null;
    }

    /**
     * {@code nonPositive}, BAD_TICK, OUTSIDE_PRICE_BAND; null when fine, with the price in ticks left in
     * {@link #checkedTicks}.
     */
    private RejectReason checkPrice(final SymbolBook book, final long priceMinor, final RejectReason nonPositive)
    {
        if (priceMinor <= 0)
        {
            return nonPositive;
        }
        final long ticks = priceMinor / book.spec.tickMinor();
        if (ticks * book.spec.tickMinor() != priceMinor)
        {
            return RejectReason.BAD_TICK;
        }
        checkedTicks = ticks;
        if (ticks < book.bandLowTicks() || ticks > book.bandHighTicks())
        {
            return RejectReason.OUTSIDE_PRICE_BAND;
        }
        return null;
    }

    private static boolean timeInForceAllowed(final short type, final short tif)
    {
        switch (type)
        {
            case OrderCodes.LIMIT:
                return tif >= OrderCodes.GTC && tif <= OrderCodes.GTD;
            case OrderCodes.MARKET:
                return tif == OrderCodes.IOC || tif == OrderCodes.FOK;
            case OrderCodes.STOP:
                return tif == OrderCodes.GTC || tif == OrderCodes.GTD;
            default:
                return tif == OrderCodes.GTC || tif == OrderCodes.GTD || tif == OrderCodes.IOC;
        }
    }

    /** The price an order's hold and notional are computed at (§6.8). */
    private static long holdPriceTicks(
        final SymbolBook book, final short side, final short type, final long priceTicks, final long stopTicks)
    {
        switch (type)
        {
            case OrderCodes.MARKET:
                return side == OrderCodes.BUY ? book.bandHighTicks() : book.bandLowTicks();
            case OrderCodes.STOP:
                return book.stopProtectiveTicks(side, stopTicks);
            default:
                return priceTicks;
        }
    }

    private static boolean wouldTake(final SymbolBook book, final short side, final long priceTicks)
    {
        final BookSide opposite = book.oppositeSide(side);
        final PriceLevel best = opposite.best();
        return best != null && Matcher.crosses(side, best.priceTicks(), priceTicks);
    }

    /** The account's open order by engine id, else by client order id (§9); null when none. */
    private Order find(final Account account, final long orderId, final DirectBuffer buffer, final int idOffset)
    {
        if (orderId != 0)
        {
            final Order order = state.openOrders.get(orderId);
            return order != null && order.accountId == account.id ? order : null;
        }
        if (AsciiField.isEmptyId(buffer, idOffset))
        {
            return null;
        }
        return state.clientOrderIds.find(account.id,
            AsciiField.word(buffer, idOffset, 0),
            AsciiField.word(buffer, idOffset, 1),
            AsciiField.word(buffer, idOffset, 2),
            AsciiField.word(buffer, idOffset, 3));
    }
}
