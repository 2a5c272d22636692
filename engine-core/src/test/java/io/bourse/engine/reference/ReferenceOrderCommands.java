package io.bourse.engine.reference;

import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeMap;

import io.bourse.engine.command.AsciiField;
import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CancelOrderDecoder;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.MassCancelDecoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.PlaceOrderDecoder;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.ReplaceOrderDecoder;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * The order commands of docs/semantics.md §6, §9 and §10: checks in the spec's order, then the effect.
 */
final class ReferenceOrderCommands
{
    private final ReferenceState state;
    private final ReferenceEvents events;
    private final ReferenceMatcher matcher;

    ReferenceOrderCommands(final ReferenceState state, final ReferenceEvents events, final ReferenceMatcher matcher)
    {
        this.state = state;
        this.events = events;
        this.matcher = matcher;
    }

    void placeOrder(final PlaceOrderDecoder command, final long nowNs)
    {
        final PlaceOrderRequest request = new PlaceOrderRequest(command);
        final RejectReason reject = checkPlaceOrder(request, nowNs);
        if (reject != null)
        {
            events.reject(
                CommandType.PLACE_ORDER, request.accountId, request.symbolId, 0, request.clientOrderId, reject);
            return;
        }

        final ReferenceBook book = state.books.get(request.symbolId);
        final boolean buy = request.isBuy();
        final long holdPerLot = buy ? book.holdPerLot(request.holdPriceTicks) : book.spec.lotMinor();
        final ReferenceOrder order = new ReferenceOrder(state.nextOrderId++, request, holdPerLot);
        events.log().orderAccepted()
            .orderId(order.orderId)
            .accountId(request.accountId)
            .symbolId(request.symbolId)
            .putClientOrderId(request.clientOrderId.bytes(), 0)
            .side(Side.get(request.side))
            .orderType(OrderType.get(request.orderType))
            .timeInForce(TimeInForce.get(request.timeInForce))
            .stpMode(StpMode.get(request.stpMode))
            .postOnly(request.postOnly ? BooleanType.TRUE : BooleanType.FALSE)
            .priceMinor(request.priceMinor)
            .stopPriceMinor(request.stopPriceMinor)
            .qtyMinor(request.qtyMinor)
            .expireTimeNs(request.expireTimeNs);
        state.openOrders.put(order.orderId, order);
        final long hold = order.holdMinor();
        events.balance(order.accountId, events.heldAsset(order), -hold, hold, BalanceReason.ORDER_HOLD, order.orderId);

        if (request.isStop())
        {
            book.pendingStops.add(order);
            return;
        }
        final long limitTicks = request.orderType == OrderType.LIMIT.value() ? order.priceTicks : order.holdPriceTicks;
        final boolean stoppedBySelfTrade = matcher.match(book, order, limitTicks);
        matcher.finish(book, order, stoppedBySelfTrade);
        matcher.runTriggerLoop(book);
    }

    /** The eleven steps of §6 in order; fills the request's engine-unit fields as it goes. */
    private RejectReason checkPlaceOrder(final PlaceOrderRequest request, final long nowNs)
    {
        // 1
        final ReferenceAccount account = state.accounts.get(request.accountId);
        if (account == null)
        {
            return RejectReason.UNKNOWN_ACCOUNT;
        }
        final ReferenceBook book = state.books.get(request.symbolId);
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

        // 2
        final RejectReason badEnum = checkEnums(request, account);
        if (badEnum != null)
        {
            return badEnum;
        }

        // 3
        final boolean gtd = request.timeInForce == TimeInForce.GTD.value();
        if (gtd ? request.expireTimeNs <= nowNs : request.expireTimeNs != 0)
        {
            return RejectReason.INVALID_EXPIRE_TIME;
        }

        // 4
        final long lotMinor = book.spec.lotMinor();
        if (request.qtyMinor <= 0)
        {
            return RejectReason.INVALID_QUANTITY;
        }
        if (request.qtyMinor % lotMinor != 0)
        {
            return RejectReason.BAD_LOT;
        }
        request.qtyLots = request.qtyMinor / lotMinor;
        if (request.qtyLots < book.spec.minQtyLots())
        {
            return RejectReason.BELOW_MIN_QUANTITY;
        }
        if (request.qtyLots > book.spec.maxQtyLots())
        {
            return RejectReason.ABOVE_MAX_QUANTITY;
        }

        // 5
        final long tickMinor = book.spec.tickMinor();
        if (request.hasLimitPrice())
        {
            if (request.priceMinor <= 0)
            {
                return RejectReason.INVALID_PRICE;
            }
            if (request.priceMinor % tickMinor != 0)
            {
                return RejectReason.BAD_TICK;
            }
            request.priceTicks = request.priceMinor / tickMinor;
            if (!book.inBand(request.priceTicks))
            {
                return RejectReason.OUTSIDE_PRICE_BAND;
            }
        }
        else if (request.priceMinor != 0)
        {
            return RejectReason.INVALID_PRICE;
        }

        // 6
        final boolean buy = request.isBuy();
        if (request.isStop())
        {
            if (request.stopPriceMinor <= 0)
            {
                return RejectReason.INVALID_STOP_PRICE;
            }
            if (request.stopPriceMinor % tickMinor != 0)
            {
                return RejectReason.BAD_TICK;
            }
            request.stopPriceTicks = request.stopPriceMinor / tickMinor;
            if (!book.inBand(request.stopPriceTicks))
            {
                return RejectReason.OUTSIDE_PRICE_BAND;
            }
            if (buy ? request.stopPriceTicks <= book.lastTicks : request.stopPriceTicks >= book.lastTicks)
            {
                return RejectReason.STOP_PRICE_ALREADY_REACHED;
            }
        }
        else if (request.stopPriceMinor != 0)
        {
            return RejectReason.INVALID_STOP_PRICE;
        }

        // 7
        if (state.clientOrderIdInUse(request.accountId, request.clientOrderId, null))
        {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }

        // 8
        request.holdPriceTicks = holdPrice(request, book);
        if (book.notional(request.holdPriceTicks, request.qtyLots) > book.spec.maxNotionalMinor())
        {
            return RejectReason.ABOVE_MAX_NOTIONAL;
        }

        // 9
        final long hold = buy ?
            Math.multiplyExact(request.qtyLots, book.holdPerLot(request.holdPriceTicks)) :
            Math.multiplyExact(request.qtyLots, lotMinor);
        final int heldAsset = buy ? book.spec.quoteAssetId() : book.spec.baseAssetId();
        if (account.available(heldAsset) < hold)
        {
            return RejectReason.INSUFFICIENT_FUNDS;
        }

        // 10
        if (request.postOnly && wouldTake(book, buy, request.priceTicks))
        {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }

        // 11
        if (request.timeInForce == TimeInForce.FOK.value() && !fillOrKillFillable(book, request))
        {
            return RejectReason.FOK_NOT_FILLABLE;
        }
        return null;
    }

    /** Step 2 of §6. */
    private static RejectReason checkEnums(final PlaceOrderRequest request, final ReferenceAccount account)
    {
        if (request.side != Side.BUY.value() && request.side != Side.SELL.value())
        {
            return RejectReason.INVALID_SIDE;
        }
        final short type = request.orderType;
        if (type != OrderType.LIMIT.value() && type != OrderType.MARKET.value()
            && type != OrderType.STOP.value() && type != OrderType.STOP_LIMIT.value())
        {
            return RejectReason.INVALID_ORDER_TYPE;
        }
        if (!timeInForceAllowed(type, request.timeInForce))
        {
            return RejectReason.INVALID_TIME_IN_FORCE;
        }
        final short stp = request.stpMode;
        if (stp != StpMode.CANCEL_TAKER.value() && stp != StpMode.CANCEL_MAKER.value()
            && stp != StpMode.CANCEL_BOTH.value() && stp != StpMode.NONE.value())
        {
            return RejectReason.INVALID_STP_MODE;
        }
        if (request.postOnlyRaw != BooleanType.FALSE.value() && request.postOnlyRaw != BooleanType.TRUE.value())
        {
            return RejectReason.INVALID_FLAG;
        }
        request.postOnly = request.postOnlyRaw == BooleanType.TRUE.value();
        final short tif = request.timeInForce;
        if (request.postOnly && !(type == OrderType.LIMIT.value()
            && (tif == TimeInForce.GTC.value() || tif == TimeInForce.GTD.value())))
        {
            return RejectReason.POST_ONLY_NOT_ALLOWED;
        }
        if (stp == StpMode.NONE.value() && !account.allowSelfTrade)
        {
            return RejectReason.SELF_TRADE_NOT_ALLOWED;
        }
        return null;
    }

    /** LIMIT any; MARKET IOC or FOK; STOP GTC or GTD; STOP_LIMIT GTC, GTD or IOC. */
    private static boolean timeInForceAllowed(final short orderType, final short tif)
    {
        final boolean gtc = tif == TimeInForce.GTC.value();
        final boolean ioc = tif == TimeInForce.IOC.value();
        final boolean fok = tif == TimeInForce.FOK.value();
        final boolean gtd = tif == TimeInForce.GTD.value();
        if (orderType == OrderType.LIMIT.value())
        {
            return gtc || ioc || fok || gtd;
        }
        if (orderType == OrderType.MARKET.value())
        {
            return ioc || fok;
        }
        if (orderType == OrderType.STOP.value())
        {
            return gtc || gtd;
        }
        return gtc || gtd || ioc;
    }

    /** §6 step 8. */
    private static long holdPrice(final PlaceOrderRequest request, final ReferenceBook book)
    {
        final boolean buy = request.isBuy();
        if (request.hasLimitPrice())
        {
            return request.priceTicks;
        }
        if (request.orderType == OrderType.MARKET.value())
        {
            return buy ? book.bandHigh() : book.bandLow();
        }
        return book.stopHoldPrice(buy, request.stopPriceTicks);
    }

    /** Post-only check: the opposite best price crosses the limit. */
    private static boolean wouldTake(final ReferenceBook book, final boolean buy, final long priceTicks)
    {
        final TreeMap<Long, ArrayDeque<ReferenceOrder>> opposite = book.oppositeSide(buy);
        return !opposite.isEmpty() && ReferenceMatcher.crosses(buy, opposite.firstKey(), priceTicks);
    }

    /** §6 step 11: walk the opposite side as matching would, without changing anything. */
    private static boolean fillOrKillFillable(final ReferenceBook book, final PlaceOrderRequest request)
    {
        final boolean buy = request.isBuy();
        final long limitTicks = request.holdPriceTicks;
        long sumLots = 0;
        for (final ReferenceOrder maker : ReferenceBook.inPriority(book.oppositeSide(buy)))
        {
            if (!ReferenceMatcher.crosses(buy, maker.priceTicks, limitTicks))
            {
                break;
            }
            if (maker.accountId == request.accountId && request.stpMode != StpMode.NONE.value())
            {
                if (request.stpMode == StpMode.CANCEL_MAKER.value())
                {
                    continue;
                }
                break;
            }
            sumLots += maker.remainingLots();
            if (sumLots >= request.qtyLots)
            {
                return true;
            }
        }
        return false;
    }

    void cancelOrder(final CancelOrderDecoder command)
    {
        final byte[] idField = new byte[AsciiField.ID_LENGTH];
        command.getClientOrderId(idField, 0);
        final AsciiId clientOrderId = AsciiId.of(idField);
        final long accountId = command.accountId();
        final long orderId = command.orderId();
        final RejectReason reject;
        ReferenceOrder order = null;
        if (!state.accounts.containsKey(accountId))
        {
            reject = RejectReason.UNKNOWN_ACCOUNT;
        }
        else
        {
            order = state.findOpenOrder(accountId, orderId, clientOrderId);
            reject = order == null ? RejectReason.UNKNOWN_ORDER : null;
        }
        if (reject != null)
        {
            events.reject(CommandType.CANCEL_ORDER, accountId, 0, orderId, clientOrderId, reject);
            return;
        }
        matcher.cancel(order, CancelReason.USER);
    }

    void massCancel(final MassCancelDecoder command)
    {
        final long accountId = command.accountId();
        final int symbolId = command.symbolId();
        final RejectReason reject;
        if (!state.accounts.containsKey(accountId))
        {
            reject = RejectReason.UNKNOWN_ACCOUNT;
        }
        else if (symbolId != 0 && !state.books.containsKey(symbolId))
        {
            reject = RejectReason.UNKNOWN_SYMBOL;
        }
        else
        {
            reject = null;
        }
        if (reject != null)
        {
            events.reject(CommandType.MASS_CANCEL, accountId, symbolId, 0, AsciiId.EMPTY, reject);
            return;
        }
        final List<ReferenceOrder> orders = state.openOrdersOf(accountId, symbolId);
        for (final ReferenceOrder order : orders)
        {
            matcher.cancel(order, CancelReason.MASS_CANCEL);
        }
        events.log().massCancelCompleted().accountId(accountId).symbolId(symbolId).cancelledCount(orders.size());
    }

    void replaceOrder(final ReplaceOrderDecoder command)
    {
        final byte[] idField = new byte[AsciiField.ID_LENGTH];
        command.getClientOrderId(idField, 0);
        final AsciiId newClientOrderId = AsciiId.of(idField);
        command.getOrigClientOrderId(idField, 0);
        final AsciiId origClientOrderId = AsciiId.of(idField);
        final long accountId = command.accountId();
        final long orderId = command.orderId();
        final ReferenceOrder order = state.accounts.containsKey(accountId) ?
            state.findOpenOrder(accountId, orderId, origClientOrderId) : null;

        RejectReason reject = checkReplace(command, order, newClientOrderId);
        // §10: the further checks apply only when the amend does not end the order.
        if (reject == null && !endsOrder(command, order))
        {
            reject = checkReplaceThatKeepsOrder(command, order);
        }
        if (reject != null)
        {
            events.reject(CommandType.REPLACE_ORDER, accountId, 0, orderId, newClientOrderId, reject);
            return;
        }

        final ReferenceBook book = state.books.get(order.symbolId);
        final long newPriceTicks = command.priceMinor() / book.spec.tickMinor();
        final long newQtyLots = command.qtyMinor() / book.spec.lotMinor();
        final AsciiId previousClientOrderId = order.clientOrderId;
        final AsciiId clientOrderId = newClientOrderId.isEmpty() ? previousClientOrderId : newClientOrderId;
        final int heldAsset = events.heldAsset(order);
        final long oldHold = order.holdMinor();

        if (endsOrder(command, order))
        {
            matcher.close(order);
            order.clientOrderId = clientOrderId;
            emitReplaced(command, order, previousClientOrderId, 0, false);
            events.balance(order.accountId, heldAsset, oldHold, -oldHold, BalanceReason.AMEND, order.orderId);
            return;
        }

        final boolean priorityKept = newPriceTicks == order.priceTicks && newQtyLots <= order.qtyLots;
        final long newHoldPerLot = order.isBuy() ? book.holdPerLot(newPriceTicks) : book.spec.lotMinor();
        final long newHold = Math.multiplyExact(newQtyLots - order.filledLots, newHoldPerLot);
        final long delta = newHold - oldHold;
        if (!priorityKept)
        {
            book.removeResting(order);
            order.resting = false;
        }
        order.priceTicks = newPriceTicks;
        order.holdPriceTicks = newPriceTicks;
        order.qtyLots = newQtyLots;
        order.holdPerLot = newHoldPerLot;
        order.clientOrderId = clientOrderId;
        emitReplaced(command, order, previousClientOrderId, order.remainingLots(), priorityKept);
        events.balance(order.accountId, heldAsset, -delta, delta, BalanceReason.AMEND, order.orderId);
        if (!priorityKept)
        {
            final boolean stoppedBySelfTrade = matcher.match(book, order, newPriceTicks);
            matcher.finish(book, order, stoppedBySelfTrade);
            matcher.runTriggerLoop(book);
        }
    }

    /** §10: a new total quantity at or below the filled quantity ends the order. */
    private boolean endsOrder(final ReplaceOrderDecoder command, final ReferenceOrder order)
    {
        return command.qtyMinor() / state.books.get(order.symbolId).spec.lotMinor() <= order.filledLots;
    }

    /** §10 checks up to DUPLICATE_CLIENT_ORDER_ID. */
    private RejectReason checkReplace(
        final ReplaceOrderDecoder command, final ReferenceOrder order, final AsciiId newClientOrderId)
    {
        if (!state.accounts.containsKey(command.accountId()))
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
        final ReferenceBook book = state.books.get(order.symbolId);
        if (state.accounts.get(order.accountId).frozen)
        {
            return RejectReason.ACCOUNT_FROZEN;
        }
        if (book.halted)
        {
            return RejectReason.SYMBOL_HALTED;
        }
        final long qtyMinor = command.qtyMinor();
        if (qtyMinor <= 0)
        {
            return RejectReason.INVALID_QUANTITY;
        }
        if (qtyMinor % book.spec.lotMinor() != 0)
        {
            return RejectReason.BAD_LOT;
        }
        if (qtyMinor / book.spec.lotMinor() > book.spec.maxQtyLots())
        {
            return RejectReason.ABOVE_MAX_QUANTITY;
        }
        final long priceMinor = command.priceMinor();
        if (priceMinor <= 0)
        {
            return RejectReason.INVALID_PRICE;
        }
        if (priceMinor % book.spec.tickMinor() != 0)
        {
            return RejectReason.BAD_TICK;
        }
        if (!book.inBand(priceMinor / book.spec.tickMinor()))
        {
            return RejectReason.OUTSIDE_PRICE_BAND;
        }
        if (!newClientOrderId.isEmpty() && !newClientOrderId.equals(order.clientOrderId)
            && state.clientOrderIdInUse(order.accountId, newClientOrderId, order))
        {
            return RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        return null;
    }

    /** §10 further checks when the new quantity exceeds the filled quantity. */
    private RejectReason checkReplaceThatKeepsOrder(final ReplaceOrderDecoder command, final ReferenceOrder order)
    {
        final ReferenceBook book = state.books.get(order.symbolId);
        final long newPriceTicks = command.priceMinor() / book.spec.tickMinor();
        final long newQtyLots = command.qtyMinor() / book.spec.lotMinor();
        if (newQtyLots < book.spec.minQtyLots())
        {
            return RejectReason.BELOW_MIN_QUANTITY;
        }
        if (book.notional(newPriceTicks, newQtyLots) > book.spec.maxNotionalMinor())
        {
            return RejectReason.ABOVE_MAX_NOTIONAL;
        }
        final long newHoldPerLot = order.isBuy() ? book.holdPerLot(newPriceTicks) : book.spec.lotMinor();
        final long newHold = Math.multiplyExact(newQtyLots - order.filledLots, newHoldPerLot);
        final long available = state.accounts.get(order.accountId).available(events.heldAsset(order));
        if (newHold - order.holdMinor() > available)
        {
            return RejectReason.INSUFFICIENT_FUNDS;
        }
        if (order.postOnly && wouldTake(book, order.isBuy(), newPriceTicks))
        {
            return RejectReason.POST_ONLY_WOULD_TAKE;
        }
        return null;
    }

    private void emitReplaced(
        final ReplaceOrderDecoder command,
        final ReferenceOrder order,
        final AsciiId origClientOrderId,
        final long leavesLots,
        final boolean priorityKept)
    {
        final long lotMinor = state.books.get(order.symbolId).spec.lotMinor();
        events.log().orderReplaced()
            .orderId(order.orderId)
            .accountId(order.accountId)
            .symbolId(order.symbolId)
            .putClientOrderId(order.clientOrderId.bytes(), 0)
            .putOrigClientOrderId(origClientOrderId.bytes(), 0)
            .side(Side.get(order.side))
            .priceMinor(command.priceMinor())
            .qtyMinor(command.qtyMinor())
            .leavesQtyMinor(Math.multiplyExact(leavesLots, lotMinor))
            .filledQtyMinor(Math.multiplyExact(order.filledLots, lotMinor))
            .priorityKept(priorityKept ? BooleanType.TRUE : BooleanType.FALSE);
    }
}
