package io.bourse.engine;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import io.bourse.engine.book.Order;
import io.bourse.engine.book.SymbolBook;
import io.bourse.engine.command.AsciiField;
import io.bourse.engine.event.EventLog;
import io.bourse.sbe.BooleanType;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandRejectedEncoder;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.OrderAcceptedEncoder;
import io.bourse.sbe.OrderCancelledEncoder;
import io.bourse.sbe.OrderReplacedEncoder;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;
import io.bourse.sbe.StopTriggeredEncoder;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;
import io.bourse.sbe.TradeExecutedEncoder;

/**
 * Writes the order-related events from engine objects, converting ticks and lots back to wire units.
 * Engine thread only.
 */
final class OrderEvents
{
    private EventLog events;

    void events(final EventLog events)
    {
        this.events = events;
    }

    /** A rejected command; {@code clientOrderIdOffset} locates the command's client order id, or -1 for none. */
    void rejected(
        final CommandType commandType,
        final long accountId,
        final int symbolId,
        final long orderId,
        final DirectBuffer command,
        final int clientOrderIdOffset,
        final RejectReason reason)
    {
        final CommandRejectedEncoder encoder = events.commandRejected()
            .commandType(commandType)
            .accountId(accountId)
            .symbolId(symbolId)
            .orderId(orderId)
            .reason(reason);
        final int target = encoder.offset() + CommandRejectedEncoder.clientOrderIdEncodingOffset();
        if (clientOrderIdOffset < 0)
        {
            AsciiField.putWords(encoder.buffer(), target, 0, 0, 0, 0);
        }
        else
        {
            encoder.buffer().putBytes(target, command, clientOrderIdOffset, AsciiField.ID_LENGTH);
        }
    }

    void accepted(final Order order)
    {
        final SymbolBook book = order.book;
        final OrderAcceptedEncoder encoder = events.orderAccepted()
            .orderId(order.orderId)
            .accountId(order.accountId)
            .symbolId(book.spec.id())
            .side(Side.get(order.side))
            .orderType(OrderType.get(order.orderType))
            .timeInForce(TimeInForce.get(order.timeInForce))
            .stpMode(StpMode.get(order.stpMode))
            .postOnly(order.postOnly ? BooleanType.TRUE : BooleanType.FALSE)
            .priceMinor(order.priceTicks * book.spec.tickMinor())
            .stopPriceMinor(order.stopPriceTicks * book.spec.tickMinor())
            .qtyMinor(order.qtyLots * book.spec.lotMinor())
            .expireTimeNs(order.expireTimeNs);
        putClientOrderId(encoder.buffer(), encoder.offset() + OrderAcceptedEncoder.clientOrderIdEncodingOffset(), order);
    }

    void cancelled(final Order order, final CancelReason reason)
    {
        final long lotMinor = order.book.spec.lotMinor();
        final OrderCancelledEncoder encoder = events.orderCancelled()
            .orderId(order.orderId)
            .accountId(order.accountId)
            .symbolId(order.book.spec.id())
            .side(Side.get(order.side))
            .leavesQtyMinor(order.remainingLots() * lotMinor)
            .filledQtyMinor(order.filledLots * lotMinor)
            .reason(reason);
        putClientOrderId(encoder.buffer(), encoder.offset() + OrderCancelledEncoder.clientOrderIdEncodingOffset(), order);
    }

    /**
     * An amend, written before the order changes: the new client order id words (all zero keeps the current),
     * new price and quantity.
     */
    void replaced(
        final Order order,
        final long newW0,
        final long newW1,
        final long newW2,
        final long newW3,
        final long newPriceTicks,
        final long newQtyLots,
        final boolean priorityKept)
    {
        final long lotMinor = order.book.spec.lotMinor();
        final long leavesLots = Math.max(0, newQtyLots - order.filledLots);
        final OrderReplacedEncoder encoder = events.orderReplaced()
            .orderId(order.orderId)
            .accountId(order.accountId)
            .symbolId(order.book.spec.id())
            .side(Side.get(order.side))
            .priceMinor(newPriceTicks * order.book.spec.tickMinor())
            .qtyMinor(newQtyLots * lotMinor)
            .leavesQtyMinor(leavesLots * lotMinor)
            .filledQtyMinor(order.filledLots * lotMinor)
            .priorityKept(priorityKept ? BooleanType.TRUE : BooleanType.FALSE);
        final MutableDirectBuffer buffer = encoder.buffer();
        final int newOffset = encoder.offset() + OrderReplacedEncoder.clientOrderIdEncodingOffset();
        if ((newW0 | newW1 | newW2 | newW3) == 0)
        {
            putClientOrderId(buffer, newOffset, order);
        }
        else
        {
            AsciiField.putWords(buffer, newOffset, newW0, newW1, newW2, newW3);
        }
        putClientOrderId(buffer, encoder.offset() + OrderReplacedEncoder.origClientOrderIdEncodingOffset(), order);
    }

    void stopTriggered(final Order order)
    {
        final StopTriggeredEncoder encoder = events.stopTriggered()
            .orderId(order.orderId)
            .accountId(order.accountId)
            .symbolId(order.book.spec.id())
            .side(Side.get(order.side))
            .lastPriceMinor(order.book.lastPriceTicks * order.book.spec.tickMinor());
        putClientOrderId(encoder.buffer(), encoder.offset() + StopTriggeredEncoder.clientOrderIdEncodingOffset(), order);
    }

    /** A trade; both orders' filled quantities already include it. */
    void trade(
        final long tradeId,
        final Order taker,
        final Order maker,
        final long priceTicks,
        final long lots,
        final long costMinor,
        final long makerFeeMinor,
        final long takerFeeMinor)
    {
        final SymbolBook book = taker.book;
        final long lotMinor = book.spec.lotMinor();
        final TradeExecutedEncoder encoder = events.tradeExecuted();
        encoder
            .tradeId(tradeId)
            .symbolId(book.spec.id())
            .priceMinor(priceTicks * book.spec.tickMinor())
            .qtyMinor(lots * lotMinor)
            .quoteQtyMinor(costMinor)
            .aggressorSide(Side.get(taker.side))
            .makerOrderId(maker.orderId)
            .makerAccountId(maker.accountId)
            .makerFeeMinor(makerFeeMinor)
            .makerLeavesQtyMinor(maker.remainingLots() * lotMinor)
            .takerOrderId(taker.orderId)
            .takerAccountId(taker.accountId)
            .takerFeeMinor(takerFeeMinor)
            .takerLeavesQtyMinor(taker.remainingLots() * lotMinor);
    }

    void massCancelCompleted(final long accountId, final int symbolId, final int cancelledCount)
    {
        events.massCancelCompleted().accountId(accountId).symbolId(symbolId).cancelledCount(cancelledCount);
    }

    private static void putClientOrderId(final MutableDirectBuffer buffer, final int offset, final Order order)
    {
        AsciiField.putWords(buffer, offset, order.clientOrderId0, order.clientOrderId1, order.clientOrderId2, order.clientOrderId3);
    }
}
