package io.bourse.engine.differential;

import io.bourse.sbe.OrderType;
import io.bourse.sbe.Side;

/**
 * An order the generator believes open, as learned from the events; wire units (minor).
 */
final class ObservedOrder
{
    final long orderId;
    final long accountId;
    final int symbolId;
    final short side;
    final short orderType;
    final short timeInForce;
    final boolean postOnly;
    final long stopPriceMinor;
    long priceMinor;
    long qtyMinor;
    long filledMinor;
    byte[] clientOrderId;
    boolean pendingStop;
    /** Position in {@link ObservedState}'s list, for O(1) random picks and removal. */
    int index;

    ObservedOrder(
        final long orderId,
        final long accountId,
        final int symbolId,
        final short side,
        final short orderType,
        final short timeInForce,
        final boolean postOnly,
        final long stopPriceMinor)
    {
        this.orderId = orderId;
        this.accountId = accountId;
        this.symbolId = symbolId;
        this.side = side;
        this.orderType = orderType;
        this.timeInForce = timeInForce;
        this.postOnly = postOnly;
        this.stopPriceMinor = stopPriceMinor;
        this.pendingStop = orderType == OrderType.STOP.value() || orderType == OrderType.STOP_LIMIT.value();
    }

    boolean isBuy()
    {
        return side == Side.BUY.value();
    }

    boolean hasClientOrderId()
    {
        for (final byte b : clientOrderId)
        {
            if (b != 0)
            {
                return true;
            }
        }
        return false;
    }
}
