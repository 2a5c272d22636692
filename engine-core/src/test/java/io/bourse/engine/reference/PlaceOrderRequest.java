package io.bourse.engine.reference;

import io.bourse.engine.command.AsciiField;
import io.bourse.sbe.OrderType;
import io.bourse.sbe.PlaceOrderDecoder;
import io.bourse.sbe.Side;

/**
 * A PlaceOrder command as read from the wire (raw enum values), plus the engine-unit values the checks of
 * docs/semantics.md §6 derive from it one by one.
 */
final class PlaceOrderRequest
{
    final long accountId;
    final int symbolId;
    final AsciiId clientOrderId;
    final short side;
    final short orderType;
    final short timeInForce;
    final short stpMode;
    final short postOnlyRaw;
    final long priceMinor;
    final long stopPriceMinor;
    final long qtyMinor;
    final long expireTimeNs;

    boolean postOnly;
    long priceTicks;
    long stopPriceTicks;
    long qtyLots;
    long holdPriceTicks;

    PlaceOrderRequest(final PlaceOrderDecoder command)
    {
        final byte[] id = new byte[AsciiField.ID_LENGTH];
        command.getClientOrderId(id, 0);
        accountId = command.accountId();
        symbolId = command.symbolId();
        clientOrderId = AsciiId.of(id);
        side = command.sideRaw();
        orderType = command.orderTypeRaw();
        timeInForce = command.timeInForceRaw();
        stpMode = command.stpModeRaw();
        postOnlyRaw = command.postOnlyRaw();
        priceMinor = command.priceMinor();
        stopPriceMinor = command.stopPriceMinor();
        qtyMinor = command.qtyMinor();
        expireTimeNs = command.expireTimeNs();
    }

    boolean isBuy()
    {
        return side == Side.BUY.value();
    }

    boolean isStop()
    {
        return orderType == OrderType.STOP.value() || orderType == OrderType.STOP_LIMIT.value();
    }

    /** LIMIT and STOP_LIMIT carry a limit price. */
    boolean hasLimitPrice()
    {
        return orderType == OrderType.LIMIT.value() || orderType == OrderType.STOP_LIMIT.value();
    }
}
