package io.bourse.engine.behaviour;

import java.util.ArrayList;
import java.util.List;

import io.bourse.sbe.BalanceReason;
import io.bourse.sbe.CancelReason;
import io.bourse.sbe.CommandType;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.RejectReason;
import io.bourse.sbe.Side;
import io.bourse.sbe.StpMode;
import io.bourse.sbe.TimeInForce;

/**
 * One decoded engine event as a plain value, so behaviour tests compare whole events with {@code equals}. Amounts
 * are wire units (minor units); ASCII ids are Strings without their zero padding ("" when empty).
 */
public sealed interface Event
{
    record Rejected(
        CommandType command, long accountId, int symbolId, long orderId, String clientOrderId, RejectReason reason)
        implements Event
    {
    }

    record AccountCreated(long accountId, boolean allowSelfTrade) implements Event
    {
    }

    record AccountFrozen(long accountId) implements Event
    {
    }

    record AccountUnfrozen(long accountId) implements Event
    {
    }

    record SymbolHalted(int symbolId) implements Event
    {
    }

    record SymbolResumed(int symbolId) implements Event
    {
    }

    record Accepted(
        long orderId,
        long accountId,
        int symbolId,
        String clientOrderId,
        Side side,
        OrderType orderType,
        TimeInForce timeInForce,
        StpMode stpMode,
        boolean postOnly,
        long priceMinor,
        long stopPriceMinor,
        long qtyMinor,
        long expireTimeNs) implements Event
    {
    }

    record Cancelled(
        long orderId,
        long accountId,
        int symbolId,
        String clientOrderId,
        Side side,
        long leavesQtyMinor,
        long filledQtyMinor,
        CancelReason reason) implements Event
    {
    }

    record Replaced(
        long orderId,
        long accountId,
        int symbolId,
        String clientOrderId,
        String origClientOrderId,
        Side side,
        long priceMinor,
        long qtyMinor,
        long leavesQtyMinor,
        long filledQtyMinor,
        boolean priorityKept) implements Event
    {
    }

    record Triggered(
        long orderId, long accountId, int symbolId, String clientOrderId, Side side, long lastPriceMinor)
        implements Event
    {
    }

    record Trade(
        long tradeId,
        int symbolId,
        long priceMinor,
        long qtyMinor,
        long quoteQtyMinor,
        Side aggressorSide,
        long makerOrderId,
        long makerAccountId,
        long makerFeeMinor,
        long makerLeavesQtyMinor,
        long takerOrderId,
        long takerAccountId,
        long takerFeeMinor,
        long takerLeavesQtyMinor) implements Event
    {
    }

    record Balance(
        long accountId,
        int assetId,
        long deltaAvailableMinor,
        long deltaHeldMinor,
        long availableMinor,
        long heldMinor,
        BalanceReason reason,
        long referenceId) implements Event
    {
    }

    record MassCancelCompleted(long accountId, int symbolId, int cancelledCount) implements Event
    {
    }

    /** A message the decoder does not know, or a field value outside its enum: always a failure. */
    record Undecodable(int templateId, String detail) implements Event
    {
    }

    /** The events of one type, in order. */
    static <T extends Event> List<T> only(final List<Event> events, final Class<T> type)
    {
        final List<T> result = new ArrayList<>();
        for (final Event event : events)
        {
            if (type.isInstance(event))
            {
                result.add(type.cast(event));
            }
        }
        return result;
    }
}
